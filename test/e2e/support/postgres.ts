/**
 * The PostgreSQL server the Optuna test shares a study through: OPTUNA_TEST_STORAGE when set (CI starts
 * the system cluster and sets it), otherwise a throwaway cluster in a temporary folder on a free
 * loopback port, removed afterwards. Without PostgreSQL installed the test fails with one line saying
 * how to get it: it must never pass without having run.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
  url: string;
  stop(): void;
}

const HOW_TO_GET_IT =
  'The Optuna test needs PostgreSQL: run `bash .ci/run` (installs and starts it), or ' +
  '`apt-get install -y postgresql`, or set OPTUNA_TEST_STORAGE=postgresql://USER:PASSWORD@HOST/DATABASE.';

function serverBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, fileArgs] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, fileArgs, { stdio: 'pipe' });
}

function serverUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function postgresForTest(): Promise<Postgres> {
  const given = process.env.OPTUNA_TEST_STORAGE;
  if (given) return { url: given, stop: () => {} };
  const bin = serverBinaries();
  if (!bin) throw new Error(HOW_TO_GET_IT);
  const dir = mkdtempSync(join(tmpdir(), 'optuna-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = serverUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    asServerUser(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    asServerUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(
      `A throwaway PostgreSQL did not start (${e.stderr?.toString().trim() || e.message}). ${HOW_TO_GET_IT}`,
      {
        cause: error,
      },
    );
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
