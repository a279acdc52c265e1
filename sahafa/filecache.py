"""Django's file cache, counting its files now and then rather than at every write.

Django's `FileBasedCache` lists its whole folder at every `set()` and `add()` to see whether
it holds more than MAX_ENTRIES files: 24 ms a write at 15,000 entries on this machine,
against 0.3 ms with a hundred, so a page stored after a render cost more than the render
once the archive had been crawled. Here each process counts after every CULL_EVERY writes
instead; between two counts the folder may exceed MAX_ENTRIES by that many writes per
process, and a cull takes the excess back with Django's random share.
"""

import itertools
import random

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100


class FileCache(FileBasedCache):
    _writes = itertools.count(1)  # shared by the process's threads, each with its own backend

    def _cull(self):
        if next(self._writes) % CULL_EVERY:
            return
        files = self._list_cache_files()
        excess = len(files) - self._max_entries
        if excess < 0:
            return
        if self._cull_frequency == 0:
            return self.clear()
        # As Django's: a random share of the entries, and also whatever exceeds the limit.
        share = len(files) // self._cull_frequency
        for name in random.sample(files, min(len(files), excess + share)):
            self._delete(name)
