"""Helper processes that must not outlive the process that started them."""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid, signum=signal.SIGTERM):
    """Linux sends this process ``signum`` when its parent dies: the initializer of analysis
    pool workers, so a killed `sahafa reindex` (even kill -9) leaves no ~125 MB workers
    behind, and of the task worker and web workers of `sahafa serve`. The signal comes when
    the thread that forked the process ends, so a pool must be used within the thread that
    made it (a `with` block). Elsewhere a no-op."""
    if sys.platform != "linux":
        return
    if signum == signal.SIGTERM:
        # A forked worker inherits its parent's Python handlers (a task worker's graceful
        # shutdown, say), which would catch the SIGTERM and keep it running.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signum) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno))
    # The parent may have died between the fork and the prctl: no signal will come then.
    if os.getppid() != parent_pid:
        os._exit(1)
