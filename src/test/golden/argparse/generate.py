"""Records what Python's argparse prints for cli.py on a set of command lines.

    /usr/bin/python3 src/test/golden/argparse/generate.py

writes cli.json: a list of {"args": [...], "status": N, "out": "...", "err": "..."}, and
cli.tdsl (cli.py minus its import line). ArgparseCommandLineTest runs `tdsl cli.tdsl ARGS`
for each and expects the same status, stdout and stderr, byte for byte.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [
    ["--help"], ["-h"], ["d1"], ["d1", "d2", "d3", "-vv", "--opt", "adam", "--scale", "1", "2", "--tags", "a", "b", "-e", "5"],
    [], ["d1", "--epochs", "x"], ["d1", "--opt", "rmsprop"], ["d1", "--ep", "4", "--mode"], ["d1", "--mode=quick", "--verb"],
    ["d1", "--bogus", "3"], ["d1", "--scale", "1"], ["d1", "-e"], ["d1", "-e-3", "--lr", "-1.5", "--", "-x"], ["d1", "--tags"],
    ["d1", "-vvv", "-e7"], ["d1", "--out=o", "--v"], ["--", "-d1", "x", "y"], ["d1", "-ve2"], ["d1", "-e", "2", "d2", "d3"],
    ["d1", "--verbose=2"], ["d1", "--lr", "1e-3", "--scale", "-1", "-2"], ["d1", "--flag-that-is-not-there"],
]


def main():
    with open(os.path.join(HERE, "cli.py")) as f:
        source = f.read()
    with open(os.path.join(HERE, "cli.tdsl"), "w") as f:
        f.write("".join(l for l in source.splitlines(keepends=True) if not l.startswith("import ")))
    out = []
    for args in CASES:
        r = subprocess.run([sys.executable, os.path.join(HERE, "cli.py")] + args, capture_output=True, text=True,
                           env=dict(os.environ, COLUMNS="80"))
        out.append({"args": args, "status": r.returncode, "out": r.stdout, "err": r.stderr})
    with open(os.path.join(HERE, "cli.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
