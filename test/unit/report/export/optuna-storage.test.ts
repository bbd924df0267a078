/**
 * playground_storage.py with Debian's Python and SQLite: the heartbeat fails the trial of a worker that
 * died and keeps the one whose heartbeat another worker wrote just after the database's clock was read
 * (Optuna before 3.6 failed it, and its worker crashed as it told the result).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import storageModule from '../../../../src/report/export/optuna/playground_storage.py?raw';
import { python } from '../../support/optuna-fixtures';

const CHECK_HEARTBEAT = `
import datetime, json, sys
import optuna, sqlalchemy
from playground_storage import GRACE_SECONDS, HEARTBEAT_SECONDS, open_storage

optuna.logging.set_verbosity(optuna.logging.ERROR)
url = "sqlite:///%s.db" % sys.argv[1]
if sys.argv[1] == "playground":
    storage = open_storage(url)
else:
    storage = optuna.storages.RDBStorage(url, heartbeat_interval=HEARTBEAT_SECONDS, grace_period=GRACE_SECONDS)
study = optuna.create_study(storage=storage, study_name="heartbeat")
running, dead = study.ask(), study.ask()
utc = datetime.datetime.utcnow()
beats = {
    running: utc + datetime.timedelta(seconds=2),
    dead: utc - datetime.timedelta(seconds=GRACE_SECONDS + 60),
}
for trial, beat in beats.items():
    storage.record_heartbeat(trial._trial_id)
    with storage.engine.begin() as connection:
        connection.execute(
            sqlalchemy.text("UPDATE trial_heartbeats SET heartbeat = :beat WHERE trial_id = :id"),
            {"beat": beat, "id": trial._trial_id},
        )
optuna.storages.fail_stale_trials(study)
states = {t.number: t.state.name for t in study.get_trials()}
print(json.dumps({"running": states[running.number], "dead": states[dead.number], "optuna": optuna.__version__}))
`;

describe('playground_storage.py', () => {
  const dir = mkdtempSync(join(tmpdir(), 'optuna-storage-'));
  writeFileSync(join(dir, 'playground_storage.py'), storageModule);
  writeFileSync(join(dir, 'check_heartbeat.py'), CHECK_HEARTBEAT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const states = async (storage: 'playground' | 'optuna') =>
    JSON.parse(await python(['-W', 'ignore', 'check_heartbeat.py', storage], dir)) as {
      running: string;
      dead: string;
      optuna: string;
    };

  it('fails a dead worker’s trial and keeps a running one whose heartbeat is newer than the clock read', async () => {
    expect(await states('playground')).toMatchObject({ running: 'RUNNING', dead: 'FAIL' });
  });

  it('is needed: Optuna before 3.6 fails the running trial too', async () => {
    const plain = await states('optuna');
    const [major, minor] = plain.optuna.split('.').map(Number);
    expect(plain.dead).toBe('FAIL');
    if (major < 3 || (major === 3 && minor < 6)) expect(plain.running).toBe('FAIL');
  });
});
