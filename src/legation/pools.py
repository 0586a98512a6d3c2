"""Process pools that start safely from any driver and end with the process that started them.

Both the bulk extractor (one worker per core, each extracting articles) and the multistream reader
(a few workers decompressing and reading streams ahead of the caller) run work in other processes: the
decompression of a bz2 stream, and above all the reading of its pages, would otherwise contend for
one interpreter lock with the thread that reads the articles.

>>> with process_pool(1) as pool:
...     pool.submit(divmod, 7, 2).result()
(3, 1)
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

# Imported by forkserver workers before their first task (what every legation worker needs).
_PRELOAD = ["legation.bulk", "legation.extract", "legation.read.wikitext"]


def _start_worker(settings: dict[str, str]) -> None:
    """Pool worker initializer: take the driver's settings, and end with the process that started it.

    A forkserver started earlier in the driver's life has the environment of that moment: the
    ``LEGATION_*`` settings (the limits) are those of the driver now. A driver killed with SIGKILL
    cannot shut its pool down; its workers would wait on their queues for ever. They notice the
    parent's death by being handed to another parent.
    """
    for name in [name for name in os.environ if name.startswith("LEGATION_")]:
        del os.environ[name]
    os.environ.update(settings)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="legation-parent-watch", daemon=True).start()


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes that end with this one.

    Forked when this process has no other thread (fast, and a script needs no ``__main__`` guard);
    a driver with threads (a progress bar, Dask, a web server) is never forked: a forkserver starts
    the workers.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        ctx = multiprocessing.get_context("fork")
    else:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
    settings = {name: value for name, value in os.environ.items() if name.startswith("LEGATION_")}
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker, initargs=(settings,))
