"""Work in forked processes: results come back in order, failures fall back, threads forbid forking."""
import os
import threading

import pytest

from builder import forked


def test_runs_cover_the_items_in_order_the_first_a_little_longer():
    for count in range(0, 40):
        for workers in range(1, 5):
            runs = forked.runs_of(list(range(count)), workers)
            assert [item for run in runs for item in run] == list(range(count))
            assert len(runs) <= workers
            if len(runs) > 1:
                assert len(runs[0]) >= max(len(run) for run in runs[1:]) - 1


@pytest.mark.skipif(not forked.can_fork(), reason="needs fork")
def test_a_result_comes_back_from_another_process():
    child = forked.Forked(lambda: (os.getpid(), [1, 2, 3]))
    pid, values = child.result()
    assert pid != os.getpid() and values == [1, 2, 3]


@pytest.mark.skipif(not forked.can_fork(), reason="needs fork")
def test_a_failure_comes_back_as_none():
    def fail():
        raise ValueError("no")
    assert forked.Forked(fail).result() is None


def test_no_forking_while_another_thread_runs():
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not forked.can_fork()
    finally:
        release.set()
        thread.join()


@pytest.mark.skipif(not forked.can_fork(), reason="needs fork")
def test_a_caller_that_fails_leaves_no_process_behind():
    child = forked.Forked(lambda: bytes(1_000_000))  # more than a pipe holds: it would wait forever
    with pytest.raises(RuntimeError):
        with forked.reaped([child]):
            raise RuntimeError("the caller's own work failed")
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(child.pid, os.WNOHANG)


@pytest.mark.skipif(not forked.can_fork(), reason="needs fork")
def test_a_result_taken_is_not_stopped_again():
    with forked.reaped([forked.Forked(lambda: 42)]) as children:
        assert children[0].result() == 42
