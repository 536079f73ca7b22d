# The harness's fork server for Python counterparts (tests/harness/forkserver.rs).
#
# Started as `python3 -S -X utf8 -c <this file>`, it imports asyncio once (the
# ~100 ms a run of a counterpart spends starting up), then reads one job per
# line on stdin. For each it forks a child that turns itself into what
# `python3 -S -X utf8 SCRIPT` would be in the script's directory: stdin empty,
# stdout and stderr to the job's files, `sys.argv`, `sys.path[0]` and a fresh
# `__main__` as the interpreter sets them; the script runs as `__main__`, and
# the child then ends as the interpreter does (non-daemon threads joined,
# atexit handlers run, buffers flushed, the exit status of SystemExit or 1
# after a traceback). The server answers with the child's wait status.
#
# What differs from a fresh interpreter, on purpose and nothing else: the
# modules imported here are already in `sys.modules` (every counterpart
# imports asyncio first anyway), and a traceback has two more frames.
# tests/forkserver_proof.rs proves the rest against plain runs. (Not
# `gc.freeze()` before forking, though it halves a run's cost: the child's
# shutdown would then leave cycles through this process's objects
# uncollected, and their finalizers silent; the `shutdown.py` probe shows it.)
# What the interpreter put in `__main__` before this file ran (a script gets
# the same, plus `__file__` and `__cached__`).
STARTUP = list(globals())

import asyncio  # noqa: F401  (the point: imported once, inherited by every child)
import builtins
import importlib.machinery
import json
import os
import select
import signal
import sys


def serve():
    """Runs jobs until stdin closes; returns only in a child, with its job."""
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            return job
        # Waits at most `limit` seconds for the child, then kills it.
        pidfd = os.pidfd_open(pid)
        ready, _, _ = select.select([pidfd], [], [], job["limit"])
        os.close(pidfd)
        if not ready:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"wait_status": status, "timed_out": not ready}), flush=True)
    sys.exit(0)


def become(job):
    """In the child: the state `python3 -S -X utf8 SCRIPT` starts with."""
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for fd, path in ((1, job["stdout"]), (2, job["stderr"])):
        out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, fd)
        os.close(out)
    # The server read its jobs through sys.stdin: the script gets a new one.
    sys.stdin = sys.__stdin__ = open(0, encoding=sys.stdin.encoding, errors=sys.stdin.errors, closefd=False)
    os.chdir(job["dir"])
    script = job["script"]
    path = os.path.abspath(script)  # as the interpreter names `__main__`'s file
    sys.argv = [script]
    sys.path[0] = os.path.dirname(path)
    with open(path, "rb") as f:
        code = compile(f.read(), path, "exec", dont_inherit=True)
    fresh = {name: None for name in STARTUP}
    fresh.update(__name__="__main__", __builtins__=builtins, __file__=path, __cached__=None)
    fresh["__loader__"] = importlib.machinery.SourceFileLoader("__main__", path)
    if "__annotations__" in fresh:
        fresh["__annotations__"] = {}
    # This file's own globals are `__main__`'s: from here on only locals and
    # builtins are used, and the script runs in that module, as it would.
    main = sys.modules["__main__"].__dict__
    main.clear()
    main.update(fresh)
    exec(code, main)


become(serve())
