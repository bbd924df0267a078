"""The study's storage: an Optuna RDBStorage whose heartbeat never fails a trial that is still running."""

import time

import optuna
import sqlalchemy.exc

# The heartbeat fails a worker's trial once its last heartbeat is older than this: the worker has died.
HEARTBEAT_SECONDS = 60
GRACE_SECONDS = 180


class HeartbeatSafeStorage(optuna.storages.RDBStorage):
    """Optuna before 3.6 compared heartbeats with `timedelta.seconds`: a heartbeat another worker wrote
    just after this one read the database's clock gave a negative difference, whose `.seconds` is 86,399,
    so a running trial was failed and its worker crashed as it told the result ("Trial#5 has already
    finished"). Two workers on one PostgreSQL study met it (optuna/optuna#5431 fixed it upstream)."""

    def _get_stale_trial_ids(self, study_id):
        stale = super()._get_stale_trial_ids(study_id)
        if not stale:
            return stale
        models = optuna.storages._rdb.models
        with optuna.storages._rdb.storage._create_scoped_session(self.scoped_session) as session:
            now = session.execute(sqlalchemy.func.now()).scalar().replace(tzinfo=None)
            ages = {
                beat.trial_id: (now - beat.heartbeat).total_seconds()
                for beat in session.query(models.TrialHeartbeatModel)
                .filter(models.TrialHeartbeatModel.trial_id.in_(stale))
                .all()
            }
        return [trial_id for trial_id in stale if ages.get(trial_id, 0) > self.grace_period]


def open_storage(url, attempts=8):
    """The storage at `url`; retried because workers starting at once on a new database race to create its tables."""
    engine_kwargs = {"connect_args": {"timeout": 60}} if url.startswith("sqlite") else {"pool_pre_ping": True}
    for attempt in range(attempts):
        try:
            return HeartbeatSafeStorage(
                url, engine_kwargs=engine_kwargs, heartbeat_interval=HEARTBEAT_SECONDS, grace_period=GRACE_SECONDS
            )
        except sqlalchemy.exc.SQLAlchemyError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
