"""Where studies live, and how several processes share one study exactly.

Three functions make a study durable and shareable:

- :func:`open_storage` turns a storage URL (or ``None``) into an Optuna
  storage. ``None`` is the durable local default: an Optuna journal file,
  ``<out_dir>/journal.log`` (``out_dir`` defaults to
  :data:`DEFAULT_STUDY_DIR`, ``mlcourse-runs/studies`` in the current
  folder). ``postgresql://`` / ``mysql://`` / ``sqlite:///`` URLs give a
  relational storage with heartbeats, so that a trial whose worker died is
  failed and retried by the others.
- :func:`create_or_load_study` creates a study once (before any worker
  starts: Optuna's schema creation races otherwise) or loads it, refusing a
  study that exists with another optimisation direction.
- :func:`optimize_exactly` runs trials until the study holds exactly
  ``n_trials`` finished trials, however many processes work on it and
  however often they are killed.

What counts as finished
-----------------------
A trial counts towards the budget when it is ``COMPLETE`` or ``PRUNED``: a
pruned trial was run, judged and stopped on purpose, so it used its share of
the budget (as in ``study.optimize(n_trials=...)``). A ``FAIL`` trial does not
count: a trial whose process died is failed and its parameters are run again
(the retry), so no completed trial is lost and none is counted twice.

How several processes stay exact
--------------------------------
Each process *claims* a trial (``study.ask`` inside ``study.optimize``), then
re-reads the study: if ``n_trials`` trials with a smaller number are already
finished, running or waiting, it gives its claim back (the trial is marked
``FAIL`` with the system attribute ``mlcourse:surplus``) instead of running
it. Trial numbers are allocated in one order by every storage (the journal
appends under a file lock; the relational storage locks the study row), so
two processes can never both keep the last slot. While the remaining slots
are held by other processes' running trials, a process waits for them and
takes over a slot if its trial dies.

Dead trials
-----------
On a relational storage Optuna's heartbeat detects them (a trial whose
heartbeat is older than ``grace_period`` seconds is failed, and
``RetryHeartbeatStaleTrialCallback`` enqueues its parameters again). Optuna
5.0's journal storage has no heartbeat, so each trial run here records the
host, process id and process start time of its worker
(system attribute ``mlcourse:worker``); a ``RUNNING`` trial whose process no
longer exists on this host is failed and retried the same way. The journal
file is therefore for processes on one machine; use PostgreSQL across
machines.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import socket
import time
import warnings
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._validation import ParamError, param_message

try:
    import fcntl
except ImportError:  # pragma: no cover (Windows: Optuna's own lock file is used)
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:  # pragma: no cover
    import optuna

__all__ = [
    "COUNTED_STATES",
    "DEFAULT_STUDY_DIR",
    "JOURNAL_FILENAME",
    "create_or_load_study",
    "describe_storage",
    "open_storage",
    "optimize_exactly",
]

DEFAULT_STUDY_DIR = os.path.join("mlcourse-runs", "studies")
"""Folder of the default journal file when neither storage nor out_dir is given."""

JOURNAL_FILENAME = "journal.log"
"""Name of the journal file inside ``out_dir``."""

DEFAULT_HEARTBEAT_INTERVAL = 10
"""Seconds between two heartbeats of a running trial (relational storages)."""

SYNC_INTERVAL = 1.0
"""Seconds: the journal file is synced to disk at most this often (group commit)."""

CONNECT_TIMEOUT = 5
"""Seconds to wait for a database server before giving up."""

_RDB_SCHEMES = ("postgresql", "postgres", "mysql", "sqlite")
_WORKER_ATTR = "mlcourse:worker"
_SURPLUS_ATTR = "mlcourse:surplus"
_UNMARKED_STALE_AFTER = 600.0  # s: a RUNNING journal trial with no worker mark (see _fail_stale)
_COUNTED_NAMES = ("COMPLETE", "PRUNED")


def _counted_states() -> tuple[Any, ...]:
    from optuna.trial import TrialState

    return tuple(TrialState[name] for name in _COUNTED_NAMES)


COUNTED_STATES = _COUNTED_NAMES
"""Names of the trial states that count towards ``n_trials``."""


# ------------------------------------------------------------------ journal file


class _FlockLock:
    """A journal-file lock held with ``fcntl.flock`` on ``<journal>.lock``.

    Optuna's own locks create and delete a file per write (three system
    calls and a directory update each time) and, when a process is killed
    while holding one, every other process waits ``grace_period`` (30 s)
    before breaking it. The kernel releases an ``flock`` when its holder
    dies, so neither cost exists here. (It is not reliable on old NFS: keep
    the journal on a local disk, or use PostgreSQL.)
    """

    def __init__(self, path: str) -> None:
        self._path = path + ".lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        fd = os.open(self._path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def _journal_backend(path: Path) -> Any:
    """Return a journal-file backend: flock lock, fsync only where durability needs it."""
    from optuna.storages.journal import JournalFileBackend, JournalFileOpenLock

    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover (no flock: Optuna's lock and fsync per write)
        return JournalFileBackend(str(path), lock_obj=JournalFileOpenLock(str(path)))

    class JournalFile(JournalFileBackend):
        """Optuna's journal file with its two main costs cut (see ``_FlockLock``).

        Every record is in the file (the operating system's cache) before
        the call returns, so a killed process (even SIGKILL) loses nothing.
        ``fsync``, which waits for the disk (about 5 ms here, 30 times a
        trivial trial), is group-committed: a record that finishes a trial
        is synced to disk if the last sync is older than
        :data:`SYNC_INTERVAL` seconds, and :meth:`sync` (called when
        :func:`optimize_exactly` returns) syncs the rest. A power cut can thus
        lose at most the trials finished in the last second, which a rerun
        runs again; trials that take longer than that are each synced.
        """

        _last_sync = 0.0
        _dirty = False

        def append_logs(self, logs: list[dict[str, Any]]) -> None:
            text = "\n".join(json.dumps(log, separators=(",", ":")) for log in logs) + "\n"
            finishing = any(_finishes_trial(log) for log in logs)
            lock.acquire()
            try:
                with open(self._file_path, "ab") as f:
                    f.write(text.encode("utf-8"))
                    f.flush()
                    now = time.monotonic()
                    if finishing and now - self._last_sync >= SYNC_INTERVAL:
                        os.fsync(f.fileno())
                        self._last_sync, self._dirty = now, False
                    else:
                        self._dirty = True
            finally:
                lock.release()

        def read_logs(self, log_number_from: int) -> Generator[dict[str, Any], None, None]:
            # Optuna reopens the file at every read (several per trial); keep one
            # handle open instead and read only what was appended since.
            reader = self.__dict__.get("_reader")
            if reader is None:
                reader = self.__dict__["_reader"] = open(self._file_path, "rb")  # noqa: SIM115
            offsets = self._log_number_offset
            if log_number_from not in offsets:
                yield from super().read_logs(log_number_from)
                return
            size = os.fstat(reader.fileno()).st_size
            start = offsets[log_number_from]
            if size <= start:
                return
            reader.seek(start)
            data = reader.read(size - start)
            end = data.rfind(b"\n") + 1  # a record being written is read next time
            number, position = log_number_from, start
            for line in data[:end].splitlines(keepends=True):
                position += len(line)
                number += 1
                offsets[number] = position
                yield json.loads(line)

        def sync(self) -> None:
            """Flush the journal file to disk if records were written since the last sync."""
            if self._dirty:
                fd = os.open(self._file_path, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                self._last_sync, self._dirty = time.monotonic(), False

    lock = _FlockLock(str(path))
    return JournalFile(str(path))


def _finishes_trial(log: dict[str, Any]) -> bool:
    state = log.get("state")
    # TrialState: RUNNING=0, COMPLETE=1, PRUNED=2, FAIL=3, WAITING=4
    return "values" in log and state in (1, 2, 3)


# ------------------------------------------------------------------ open_storage


def describe_storage(storage: Any) -> str:
    """Return a short, password-free description of a storage for messages.

    Parameters
    ----------
    storage : str or optuna storage
        What :func:`open_storage` received or returned.

    Returns
    -------
    str
        ``"journal file <path>"``, a URL with its password hidden, or the
        storage's class name.

    Examples
    --------
    >>> describe_storage("postgresql://me:secret@db:5432/optuna")
    'postgresql://me:***@db:5432/optuna'
    >>> describe_storage("runs/journal.log")
    'journal file runs/journal.log'
    """
    if isinstance(storage, str):
        if "://" in storage:
            try:
                from sqlalchemy.engine import make_url

                return make_url(storage).render_as_string(hide_password=True)
            except Exception:
                return storage.split("@")[-1]
        return f"journal file {storage.removeprefix('journal:')}"
    backend = getattr(storage, "_backend", None)
    if backend is not None and hasattr(backend, "_file_path"):
        return f"journal file {backend._file_path}"
    url = getattr(storage, "url", None)
    if isinstance(url, str):
        return describe_storage(url)
    return type(storage).__name__


def _bad_storage(storage: Any, why: str) -> ParamError:
    return ParamError(
        param_message(
            "storage",
            "None (a journal file under out_dir), a journal file path, or a database URL "
            "such as 'postgresql://user:password@host:5432/db' or 'sqlite:///study.db'",
            storage,
        )
        + f" ({why})",
        param="storage",
    )


#: a database URL missing its "://" (e.g. "postgresql//host/db", "sqlite:study.db")
_DB_SCHEME_TYPO = re.compile(
    r"^(postgres|postgresql|mysql|mariadb|sqlite|oracle|mssql)(\+\w+)?(:|//|:/)", re.IGNORECASE
)


def open_storage(
    storage: Any = None,
    *,
    out_dir: str | os.PathLike[str] | None = None,
    heartbeat_interval: int = DEFAULT_HEARTBEAT_INTERVAL,
    grace_period: int | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
) -> Any:
    """Open the storage of a study: a journal file or a relational database.

    Parameters
    ----------
    storage : None, str, path or optuna storage, default=None
        - ``None``: the durable local default, the journal file
          ``<out_dir>/journal.log``.
        - ``"memory"``: an in-memory storage (lost at exit; for quick
          experiments).
        - a path, or ``"journal:<path>"``: a journal file at that path (a
          folder means ``<folder>/journal.log``). For processes on one machine.
        - ``"postgresql://user:password@host:port/db"`` (or ``mysql://``,
          ``sqlite:///file.db``): a relational storage with heartbeats, for
          workers on several machines.
        - an Optuna storage object is returned unchanged.
    out_dir : str or path, default=None
        Folder of the default journal file; ``None`` means
        :data:`DEFAULT_STUDY_DIR` (``mlcourse-runs/studies``).
    heartbeat_interval : int, default=10
        Seconds between heartbeats of a running trial (relational storages).
    grace_period : int, default=None
        Seconds without heartbeat after which a running trial is failed and
        retried; ``None`` means ``3 * heartbeat_interval``.
    connect_timeout : float, default=5
        Seconds to wait for a database server.

    Returns
    -------
    storage : optuna.storages.BaseStorage
        A ``JournalStorage``, an ``RDBStorage`` or an ``InMemoryStorage``.

    Raises
    ------
    ValueError
        If the URL is malformed, its database kind is not supported or its
        server cannot be reached (the message names ``host:port``).

    Examples
    --------
    >>> import tempfile
    >>> from mlcourse.tuning._storage import open_storage
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     type(open_storage(None, out_dir=tmp)).__name__
    'JournalStorage'
    >>> open_storage("ftp://host/x")
    Traceback (most recent call last):
    ...
    mlcourse._validation.ParamError: The 'storage' parameter must be ...
    """
    import optuna

    if isinstance(storage, optuna.storages.BaseStorage):
        return storage
    if storage is None:
        folder = Path(out_dir) if out_dir is not None else Path(DEFAULT_STUDY_DIR)
        return _open_journal(folder / JOURNAL_FILENAME)
    if isinstance(storage, os.PathLike):
        storage = os.fspath(storage)
    if not isinstance(storage, str):
        raise TypeError(
            param_message("storage", "None, a str, a path or an Optuna storage", storage)
        )
    text = storage.strip()
    if not text:
        raise _bad_storage(storage, "it is empty")
    if text in ("memory", ":memory:"):
        return optuna.storages.InMemoryStorage()
    if "://" not in text:
        if _DB_SCHEME_TYPO.match(text):
            raise _bad_storage(storage, "it looks like a database URL without '://'")
        return _open_journal(_journal_path(text))
    return _open_rdb(
        text,
        heartbeat_interval=heartbeat_interval,
        grace_period=grace_period,
        connect_timeout=connect_timeout,
    )


def _journal_path(text: str) -> Path:
    """Return the journal file a storage string without '://' names (folder: its journal.log)."""
    path = Path(text.strip().removeprefix("journal:"))
    return path / JOURNAL_FILENAME if path.is_dir() else path


def _open_journal(path: Path) -> Any:
    from optuna.storages import JournalStorage

    try:
        backend = _journal_backend(path)
    except OSError as err:
        raise ParamError(
            f"cannot open the journal file '{path}': {err.strerror or err}", param="storage"
        ) from None
    try:
        return JournalStorage(backend)
    except (ValueError, json.JSONDecodeError) as err:
        raise ParamError(
            f"'{path}' is not an Optuna journal file ({err}); choose another path",
            param="storage",
        ) from None


def _open_rdb(
    url: str, *, heartbeat_interval: int, grace_period: int | None, connect_timeout: float
) -> Any:
    import optuna
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as err:
        raise _bad_storage(url, f"not a valid URL: {err}") from None
    scheme = parsed.get_backend_name()
    if scheme not in _RDB_SCHEMES:
        raise _bad_storage(url, f"unsupported database kind {scheme!r}")
    if heartbeat_interval < 1:
        raise ValueError(
            param_message("heartbeat_interval", "an int >= 1 (seconds)", heartbeat_interval)
        )
    grace = grace_period if grace_period is not None else 3 * heartbeat_interval
    engine_kwargs: dict[str, Any] = {"pool_pre_ping": True}
    where = describe_storage(url)
    if scheme == "sqlite":
        if not parsed.database:
            raise _bad_storage(url, "no database file; write 'sqlite:///path/to/study.db'")
    else:
        host = parsed.host or "localhost"
        port = parsed.port or {"mysql": 3306}.get(scheme, 5432)
        where = f"{host}:{port}"
        _check_reachable(host, port, connect_timeout, url)
        engine_kwargs["connect_args"] = {"connect_timeout": max(1, round(connect_timeout))}
        if parsed.drivername in ("postgresql", "postgres"):
            # SQLAlchemy 2.1 picks psycopg 3 for a bare postgresql:// URL; the
            # `scale` extra installs psycopg2: use whichever is there.
            driver = "psycopg" if importlib.util.find_spec("psycopg") else "psycopg2"
            url = parsed.set(drivername=f"postgresql+{driver}").render_as_string(
                hide_password=False
            )
    from optuna.storages import RDBStorage, RetryHeartbeatStaleTrialCallback

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        try:
            return RDBStorage(
                url,
                engine_kwargs=engine_kwargs,
                heartbeat_interval=heartbeat_interval,
                grace_period=grace,
                heartbeat_stale_trial_callback=RetryHeartbeatStaleTrialCallback(),
            )
        except ImportError as err:
            raise _bad_storage(
                url, f"its driver is not installed ({err}); install mlcourse[scale]"
            ) from None
        except Exception as err:  # sqlalchemy / driver errors: one readable line
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ParamError(
                f"cannot use the database at {where} ({describe_storage(url)}): {first}",
                param="storage",
            ) from None


def _check_reachable(host: str, port: int, timeout: float, url: str) -> None:
    """Fail fast, naming host:port, when nothing listens there."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as err:
        if isinstance(err, TimeoutError):
            why = f"no answer within {timeout:g} s"
        else:
            why = (err.strerror or str(err)).lower()
        raise ParamError(
            f"cannot reach the database server at {host}:{port} ({why}); check that it "
            f"runs and that the URL {describe_storage(url)} is right",
            param="storage",
        ) from None


# ------------------------------------------------------------------ studies


def create_or_load_study(
    storage: Any,
    study_name: str,
    *,
    direction: str = "maximize",
    sampler: Any = None,
    pruner: Any = None,
    user_attrs: dict[str, Any] | None = None,
) -> optuna.Study:
    """Create a study once, or load it if it exists with the same direction.

    Create the study before starting workers: creating it from several
    processes at once races on Optuna's schema and study tables.

    Parameters
    ----------
    storage : optuna storage or str or None
        Passed through :func:`open_storage`.
    study_name : str
        Name of the study in the storage.
    direction : {"maximize", "minimize"}, default="maximize"
        Optimisation direction.
    sampler, pruner : optuna sampler / pruner, default=None
        Used by this process (they are not stored with the study).
    user_attrs : dict, default=None
        Set on the study when it is created (JSON-serialisable values), e.g.
        what a worker needs to rebuild the objective. Ignored on load.

    Returns
    -------
    optuna.Study

    Raises
    ------
    ValueError
        If the study exists with another direction (both are named).

    Examples
    --------
    >>> from mlcourse.tuning._storage import create_or_load_study, open_storage
    >>> storage = open_storage("memory")
    >>> study = create_or_load_study(storage, "demo", direction="minimize", user_attrs={"k": 1})
    >>> create_or_load_study(storage, "demo", direction="minimize").user_attrs
    {'k': 1}
    >>> create_or_load_study(storage, "demo", direction="maximize")
    Traceback (most recent call last):
    ...
    mlcourse._validation.ParamError: The study 'demo' already exists with direction 'minimize'...
    """
    import optuna

    if not isinstance(study_name, str) or not study_name.strip():
        raise ValueError(param_message("study_name", "a non-empty str", study_name))
    direction = str(direction).lower()
    if direction not in ("maximize", "minimize"):
        raise ValueError(param_message("direction", "'maximize' or 'minimize'", direction))
    storage = open_storage(storage)
    try:
        storage.get_study_id_from_name(study_name)
        exists = True
    except KeyError:
        exists = False
    if not exists:
        try:
            study = optuna.create_study(
                storage=storage,
                study_name=study_name,
                direction=direction,  # type: ignore[arg-type]
                sampler=sampler,
                pruner=pruner,
            )
        except optuna.exceptions.DuplicatedStudyError:
            exists = True  # another process created it meanwhile
        else:
            for key, value in (user_attrs or {}).items():
                study.set_user_attr(key, value)
            return study
    study = optuna.load_study(
        study_name=study_name, storage=storage, sampler=sampler, pruner=pruner
    )
    if len(study.directions) != 1:
        raise ParamError(
            f"The study '{study_name}' already exists with {len(study.directions)} "
            f"objectives; expected one objective to {direction}. Choose another study name.",
            param="study_name",
        )
    existing = study.direction.name.lower()
    if existing != direction:
        raise ParamError(
            f"The study '{study_name}' already exists with direction '{existing}', but "
            f"direction '{direction}' was asked for (a different metric?). Choose another "
            "study name, or the same metric.",
            param="study_name",
        )
    return study


# ------------------------------------------------------------------ workers and staleness


def _proc_start(pid: int) -> str | None:
    """Start time of a process (Linux ``/proc``), to tell a reused pid apart."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by another user
    return True


def _worker_mark() -> dict[str, Any]:
    pid = os.getpid()
    return {"host": socket.gethostname(), "pid": pid, "start": _proc_start(pid)}


def _is_dead(mark: Any) -> bool:
    if not isinstance(mark, dict) or mark.get("host") != socket.gethostname():
        return False  # another machine: cannot tell (journal files are for one machine)
    pid = int(mark.get("pid", -1))
    if pid == os.getpid():
        return False
    if not _pid_alive(pid):
        return True
    start = mark.get("start")
    return start is not None and _proc_start(pid) not in (None, start)


def _fail_stale(study: optuna.Study) -> int:
    """Fail (and enqueue again) RUNNING trials whose process is dead.

    Returns how many this process failed (0 for heartbeat storages, where
    Optuna's ``fail_stale_trials`` does it).
    """
    import optuna
    from optuna.storages import RetryHeartbeatStaleTrialCallback
    from optuna.trial import TrialState

    storage = study._storage
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        if _heartbeat_enabled(storage):
            optuna.storages.fail_stale_trials(study)  # one query: stale heartbeats
            return 0
        if isinstance(storage, optuna.storages.InMemoryStorage):
            return 0
        retry = RetryHeartbeatStaleTrialCallback()
        now = time.time()
        failed = 0
        for trial in study.get_trials(deepcopy=False, states=(TrialState.RUNNING,)):
            mark = trial.system_attrs.get(_WORKER_ATTR)
            if mark is None:
                # Not run through optimize_exactly (a plain study.optimize on the same
                # file), or killed in the few ms between its creation and its mark:
                # failed only after _UNMARKED_STALE_AFTER s, so that a long trial of
                # another program is left alone while a lost one cannot block forever.
                started = trial.datetime_start.timestamp() if trial.datetime_start else now
                dead = now - started > _UNMARKED_STALE_AFTER
            else:
                dead = _is_dead(mark)
            if not dead:
                continue
            try:
                if not storage.set_trial_state_values(trial._trial_id, TrialState.FAIL):
                    continue
            except optuna.exceptions.UpdateFinishedTrialError:
                continue  # another process failed it first: it enqueued the retry
            retry(study, storage.get_trial(trial._trial_id))
            failed += 1
        return failed


def _heartbeat_enabled(storage: Any) -> bool:
    get = getattr(storage, "get_heartbeat_interval", None)
    return callable(get) and get() is not None


class _Surplus(Exception):
    """Raised inside a claimed trial that another process's trials made surplus."""


def optimize_exactly(
    study: optuna.Study,
    objective: Callable[[Any], float],
    n_trials: int,
    *,
    timeout: float | None = None,
    callbacks: Sequence[Callable[[Any, Any], None]] = (),
    progress: Callable[[int, int, float | None], None] | None = None,
    poll_interval: float = 0.5,
    max_failures: int = 10,
) -> None:
    """Run trials until the study holds exactly ``n_trials`` finished trials.

    Finished means ``COMPLETE`` or ``PRUNED`` (:data:`COUNTED_STATES`);
    failed trials do not count. Trials already in the study count, so
    running the same call again after a crash resumes the study, and several
    processes (on one journal file, or on one database) calling it on the
    same study together end with exactly ``n_trials`` finished trials: a
    process never runs a trial beyond the budget (see the module notes), and
    it waits while the last trials are run by others, taking over any that
    dies.

    Parameters
    ----------
    study : optuna.Study
        The study (from :func:`create_or_load_study`).
    objective : callable
        ``objective(trial) -> float``; may raise ``optuna.TrialPruned``.
        Other exceptions propagate (the trial is marked ``FAIL``).
    n_trials : int
        Total number of finished trials the study must hold (not a number
        of new trials).
    timeout : float, default=None
        Seconds after which no new trial starts and waiting stops; the study
        may then hold fewer than ``n_trials`` trials (run again to finish).
    callbacks : sequence of callables, default=()
        Optuna callbacks ``f(study, frozen_trial)`` after each trial run here.
    progress : callable, default=None
        ``progress(n_done, n_trials, best_value)`` after each change seen
        (trials of other processes included); ``best_value`` is ``None``
        before the first completed trial.
    poll_interval : float, default=0.5
        Seconds between two looks at the study while other processes run the
        last trials.
    max_failures : int, default=10
        Failed trials (the objective raised a caught error or returned NaN)
        do not count and are replaced; after this many failures in a row in
        this process, a ``RuntimeError`` naming the first one's
        ``user_attrs["error"]`` stops the loop instead of running forever.

    Examples
    --------
    >>> import optuna
    >>> from mlcourse.tuning._storage import create_or_load_study, optimize_exactly
    >>> optuna.logging.set_verbosity(optuna.logging.WARNING)
    >>> study = create_or_load_study("memory", "square", direction="minimize")
    >>> objective = lambda trial: trial.suggest_float("x", -1, 1) ** 2
    >>> optimize_exactly(study, objective, 5)
    >>> optimize_exactly(study, objective, 8)  # 3 more, not 8 more
    >>> len(study.trials)
    8
    """
    from optuna.trial import TrialState

    if isinstance(n_trials, bool) or not isinstance(n_trials, int) or n_trials < 1:
        raise ValueError(param_message("n_trials", "an int >= 1", n_trials))
    if timeout is not None and not timeout > 0:
        raise ValueError(param_message("timeout", "None or a number of seconds > 0", timeout))
    counted = _counted_states()
    reserving = (*counted, TrialState.RUNNING, TrialState.WAITING)
    deadline = None if timeout is None else time.monotonic() + timeout
    journal = not _heartbeat_enabled(study._storage)
    mark = _worker_mark()

    def claimed(trial: optuna.Trial) -> float:
        if journal:
            study._storage.set_trial_system_attr(trial._trial_id, _WORKER_ATTR, mark)
        held = study.get_trials(deepcopy=False, states=reserving)  # ordered by number
        later = 0
        for t in reversed(held):  # only the last few trials can come after ours
            if t.number < trial.number:
                break
            later += 1
        ahead = len(held) - later
        if ahead >= n_trials:
            study._storage.set_trial_system_attr(trial._trial_id, _SURPLUS_ATTR, True)
            raise _Surplus(
                f"trial {trial.number} given back: {ahead} earlier trials already fill "
                f"the budget of {n_trials}"
            )
        return objective(trial)

    last_seen: list[tuple[int, float | None]] = []

    def look() -> tuple[int, int, int]:
        """Count (finished, finished + running + waiting, waiting) and report progress."""
        trials = study.get_trials(deepcopy=False, states=reserving)
        done = [t for t in trials if t.state in counted]
        waiting = sum(1 for t in trials if t.state == TrialState.WAITING)
        if progress is not None:
            seen = (len(done), _best(study, done))
            if not last_seen or seen != last_seen[-1]:
                progress(min(seen[0], n_trials), n_trials, seen[1])
                last_seen[:] = [seen]
        return len(done), len(trials), waiting

    failures: list[Any] = []

    def stop_when_full(study: optuna.Study, trial: Any) -> None:
        # After each trial: stop asking for more once the budget is held by
        # finished, running or queued trials (ours or other processes').
        if trial.state == TrialState.FAIL and not trial.system_attrs.get(_SURPLUS_ATTR):
            failures.append(trial)
            if len(failures) >= max_failures:
                study.stop()
                return
        elif trial.state != TrialState.FAIL:
            failures.clear()
        if journal:  # (with a heartbeat, Optuna checks before each trial)
            _fail_stale(study)
        _, reserved, waiting = look()
        if reserved >= n_trials and not waiting:
            study.stop()

    sync = getattr(getattr(study._storage, "_backend", None), "sync", None)
    with _quiet_surplus(), _finally(sync):
        while True:
            _fail_stale(study)
            done, reserved, waiting = look()
            if len(failures) >= max_failures:
                error = failures[0].user_attrs.get("error", "see the log for the error")
                raise RuntimeError(
                    f"the last {len(failures)} trials run here failed (trial "
                    f"{failures[0].number}: {error}); stopping the study '{study.study_name}'"
                )
            if done >= n_trials:
                return
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return
            if reserved >= n_trials and not waiting:
                time.sleep(poll_interval)  # the last slots are other processes' trials
                continue
            # One optimize call for all the trials still free (the claim check in
            # `claimed` keeps it exact when other processes run on the study).
            study.optimize(
                claimed,
                n_trials=max(1, n_trials - reserved + waiting),
                timeout=left,
                callbacks=[*callbacks, stop_when_full],
                catch=(_Surplus,),
            )


def _best(study: optuna.Study, done: list[Any]) -> float | None:
    from optuna.trial import TrialState

    values = [t.value for t in done if t.state == TrialState.COMPLETE and t.value is not None]
    if not values:
        return None
    return min(values) if study.direction.name == "MINIMIZE" else max(values)


@contextlib.contextmanager
def _finally(action: Callable[[], None] | None) -> Iterator[None]:
    try:
        yield
    finally:
        if action is not None:
            action()


@contextlib.contextmanager
def _quiet_surplus() -> Iterator[None]:
    """Hide Optuna's 'Trial N failed' warning for a surplus claim given back."""
    import logging

    logger = logging.getLogger("optuna")

    class _Filter(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return "_Surplus" not in record.getMessage()

    filt = _Filter()
    logger.addFilter(filt)
    for handler in logger.handlers:
        handler.addFilter(filt)
    try:
        yield
    finally:
        logger.removeFilter(filt)
        for handler in logger.handlers:
            handler.removeFilter(filt)
