"""Regenerates tdsl's golden files from their PyTorch twins.

For every cases/NAME.py this runs the program under PyTorch and writes
  NAME.out   what it printed on stdout (node names as PyTorch prints them:
             MulBackward0, tdsl's names too);
  NAME.err   when the program raises: one line "LINE: MESSAGE", LINE counted in
             NAME.tdsl, MESSAGE the first line of the exception's message;
  NAME.tdsl  the program minus its import lines, unless the .py starts with
             "# tdsl: hand-written twin" (then the .tdsl beside it is left alone).

Run from anywhere:  /usr/bin/python3 src/test/golden/generate.py
Running it twice gives the same files. The test suite reads only the files it writes.
"""
import contextlib
import io
import os
import sys
import traceback
import warnings

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
HAND_WRITTEN = "# tdsl: hand-written twin"

def is_import(line):
    stripped = line.strip()
    return stripped.startswith("import ") or stripped.startswith("from ")


def reset_torch():
    """Puts back every global PyTorch setting a case might have changed."""
    torch.set_grad_enabled(True)
    torch.autograd.set_detect_anomaly(False)
    torch.set_default_dtype(torch.float32)
    torch.set_printoptions(profile="default")
    torch.set_printoptions(sci_mode=None)


def run(path):
    """Runs one case; returns (stdout text, (py_line, message) or None)."""
    with open(path) as f:
        source = f.read()
    reset_torch()
    out = io.StringIO()
    failure = None
    scope = {"__name__": "__main__", "__file__": path}
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            exec(compile(source, path, "exec"), scope)
        except Exception as e:  # the program's own error is the thing we record
            frames = [fr for fr in traceback.extract_tb(e.__traceback__) if fr.filename == path]
            message = str(e).strip().split("\n")[0]
            if isinstance(e, KeyError):
                message = str(e)
            failure = (frames[-1].lineno, message)
    return out.getvalue(), failure


def twin_text(py_source):
    lines = py_source.splitlines(keepends=True)
    return "".join(line for line in lines if not is_import(line))


def tdsl_line(py_source, tdsl_source, py_line, hand_written):
    """The line of NAME.tdsl that corresponds to line py_line of NAME.py."""
    py_lines = py_source.splitlines()
    if not hand_written:
        return py_line - sum(1 for line in py_lines[: py_line - 1] if is_import(line))
    # A hand-written twin: find the one line with the same text as the failing statement.
    wanted = py_lines[py_line - 1].strip()
    matches = [i + 1 for i, line in enumerate(tdsl_source.splitlines()) if line.strip() == wanted]
    if len(matches) != 1:
        sys.exit(f"cannot map line {py_line} ({wanted!r}) into the .tdsl twin: {matches}")
    return matches[0]


def write_if_changed(path, text):
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, "w") as f:
        f.write(text)


def generate(name):
    py_path = os.path.join(CASES, name + ".py")
    tdsl_path = os.path.join(CASES, name + ".tdsl")
    with open(py_path) as f:
        py_source = f.read()
    hand_written = py_source.startswith(HAND_WRITTEN)
    if hand_written:
        if not os.path.exists(tdsl_path):
            sys.exit(f"{name}.py is marked hand-written but {name}.tdsl is missing")
    else:
        write_if_changed(tdsl_path, twin_text(py_source))
    with open(tdsl_path) as f:
        tdsl_source = f.read()

    stdout, failure = run(py_path)
    write_if_changed(os.path.join(CASES, name + ".out"), stdout)
    err_path = os.path.join(CASES, name + ".err")
    if failure is None:
        if os.path.exists(err_path):
            os.remove(err_path)
        return "ok"
    line, message = failure
    write_if_changed(err_path, f"{tdsl_line(py_source, tdsl_source, line, hand_written)}: {message}\n")
    return "error"


def main():
    names = sorted(f[:-3] for f in os.listdir(CASES) if f.endswith(".py"))
    wanted = set(sys.argv[1:])
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"{generate(name):5}  {name}", file=sys.stderr)


if __name__ == "__main__":
    main()
