"""Bulk work handed to worker processes, one per core, while this process reads and writes
the database: the search index's and the related fingerprints' text analysis, and the
related lists. Workers never touch the database connection they inherit."""

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from .processes import die_with_parent


def cores():
    return os.cpu_count() or 1


@contextmanager
def worker_pool(workers):
    """Forked workers (they share this process's memory as it is now), taken down with it
    even by kill -9; None when `workers` < 2: the work is then done here."""
    if workers < 2:
        yield None
        return
    executor = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    )
    try:
        yield executor
    finally:
        executor.shutdown(cancel_futures=True)


def in_order(pool, function, batches, ahead):
    """(batch, function(batch)) for each of `batches` (an iterable, read lazily), in order,
    computed by `pool` (here when None) with at most `ahead` batches waiting: a stream of
    batches is never read, nor its results held, much before it is used."""
    if pool is None:
        for batch in batches:
            yield batch, function(batch)
        return
    pending = deque()
    for batch in batches:
        pending.append((batch, pool.submit(function, batch)))
        if len(pending) > ahead:
            batch, result = pending.popleft()
            yield batch, result.result()
    while pending:
        batch, result = pending.popleft()
        yield batch, result.result()
