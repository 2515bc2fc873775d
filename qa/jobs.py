"""Write jobs: queued, run one at a time by one worker thread, their progress readable while they run."""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from qa.errors import JobNotFound, QAError
from qa.schema import Document

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed"]


@dataclass
class WriteRequest:
    """Documents to add or replace, and ids to delete, applied together."""

    upserts: list[Document] = field(default_factory=list)
    deletions: list[str] = field(default_factory=list)


@dataclass
class Job:
    """One write job and how far it has come."""

    id: str
    documents: list[str]
    state: JobState = "queued"
    passages_done: int = 0
    passages_total: int = 0
    error: str | None = None
    failure: QAError | None = field(default=None, repr=False)
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    def progress(self, done: int, total: int) -> None:
        """Record embedding progress."""
        self.passages_done, self.passages_total = done, total

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job is done or failed; False on timeout."""
        return self.finished.wait(timeout)


class JobQueue:
    """Runs write jobs in submission order on one worker thread, started with the first job.

    Args:
        run: applies a request, reporting progress on the job; raises on failure.
        keep: how many finished jobs stay readable.
    """

    def __init__(self, run: Callable[[Job, WriteRequest], None], keep: int) -> None:
        self.run = run
        self.keep = keep
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[tuple[Job, WriteRequest]] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, request: WriteRequest) -> Job:
        """Queue a write; returns at once."""
        ids = [d.id for d in request.upserts] + list(request.deletions)
        job = Job(uuid.uuid4().hex, ids)
        with self._lock:
            self.jobs[job.id] = job
            while len(self.jobs) > self.keep:
                self.jobs.popitem(last=False)
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="qa-writer", daemon=True)
                self._worker.start()
        self._queue.put((job, request))
        return job

    def get(self, job_id: str) -> Job:
        """A job by id.

        Raises:
            JobNotFound: unknown (or long finished) id.
        """
        with self._lock:
            job = self.jobs.get(job_id)
        if job is None:
            raise JobNotFound(f"no job with id {job_id!r}")
        return job

    def _work(self) -> None:
        while True:
            job, request = self._queue.get()
            job.state = "running"
            try:
                self.run(job, request)
                job.state = "done"
            except QAError as error:
                job.state, job.error, job.failure = "failed", str(error), error
            except Exception as error:  # a failed write must not stop the worker; the job says what happened
                log.exception("write job %s failed", job.id)
                job.state, job.error = "failed", f"{type(error).__name__}: {error}"
            finally:
                job.finished.set()
