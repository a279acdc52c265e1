"""The export is read as a stream: reading ten times as many posts needs no more memory
(each item is dropped once read), so a 1 GB export imports on a small machine."""

import tracemalloc

from bench.import_wordpress import write_export
from sahafa.wordpress import wxr


def peak_bytes_reading(path):
    tracemalloc.start()
    try:
        channel = wxr.scan(path)
        with channel.scratch:
            for _post in wxr.read(path):
                pass
        return channel.items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ten_times_the_posts_take_no_more_memory(tmp_path):
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    write_export(small, 150)
    write_export(large, 1500)

    small_items, small_peak = peak_bytes_reading(small)
    large_items, large_peak = peak_bytes_reading(large)

    assert (small_items, large_items) == (150, 1500)
    assert large.stat().st_size > 9 * small.stat().st_size
    # Flat: the same order of memory (a growing tree would take ten times as much).
    assert large_peak < 2 * small_peak
