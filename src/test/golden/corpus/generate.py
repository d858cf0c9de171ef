"""Writes expected.txt and draws.safetensors for the corpus programs (src/test/resources/corpus).

    python3 src/test/golden/corpus/generate.py            # every program
    python3 src/test/golden/corpus/generate.py NAME ...   # some
    python3 src/test/golden/corpus/generate.py --corpus DIR [NAME ...]   # a corpus kept elsewhere

Each program runs as CorpusTest runs it in tdsl: in a fresh directory holding a copy of its
folder, with the argv and data that its harness.json gives ("argv": [...], "mnist": "data/
MNIST/raw" unpacks the repository's MNIST sample, examples/data/mnist, there), under
record_draws.py, which records its random draws. Its stdout becomes expected.txt. Needs
PyTorch 1.13 (and torchvision 0.14 for the MNIST program): /usr/bin/python3 on this machine.
"""
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
CORPUS = os.path.join(REPO, "src", "test", "resources", "corpus")
MNIST_SAMPLE = os.path.join(REPO, "examples", "data", "mnist")


def harness(folder):
    path = os.path.join(folder, "harness.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def prepare(folder, work, h):
    """Copies the program's folder into work and lays out the data its harness asks for."""
    run_dir = os.path.join(work, "run")
    shutil.copytree(folder, run_dir, ignore=shutil.ignore_patterns("expected.txt", "draws.safetensors", "__pycache__"))
    if "mnist" in h:
        raw = os.path.join(run_dir, h["mnist"])
        os.makedirs(raw, exist_ok=True)
        for name in os.listdir(MNIST_SAMPLE):
            if name.endswith(".gz"):
                with gzip.open(os.path.join(MNIST_SAMPLE, name)) as src, open(os.path.join(raw, name[:-3]), "wb") as dst:
                    shutil.copyfileobj(src, dst)
    return run_dir


def generate(name):
    folder = os.path.join(CORPUS, name)
    h = harness(folder)
    with tempfile.TemporaryDirectory() as work:
        run_dir = prepare(folder, work, h)
        draws = os.path.join(work, "draws.safetensors")
        program = h.get("program", "main.py")
        env = dict(os.environ, PYTHONHASHSEED="0", OMP_NUM_THREADS="1")
        done = subprocess.run([sys.executable, os.path.join(HERE, "record_draws.py"), draws, program] + h.get("argv", []),
                              cwd=run_dir, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise SystemExit(f"{name}: PyTorch run failed\n{done.stderr}")
        with open(os.path.join(folder, "expected.txt"), "w") as f:
            f.write(done.stdout)
        shutil.copyfile(draws, os.path.join(folder, "draws.safetensors"))
        size = os.path.getsize(draws)
        print(f"{name}: {len(done.stdout.splitlines())} lines, draws {size} bytes")
        if size > 1_000_000:
            print(f"  warning: {name}'s draws exceed 1 MB")


def main():
    global CORPUS
    args = sys.argv[1:]
    if args[:1] == ["--corpus"]:
        CORPUS, args = os.path.abspath(args[1]), args[2:]
    names = args or sorted(d for d in os.listdir(CORPUS) if os.path.isdir(os.path.join(CORPUS, d)))
    for name in names:
        generate(name)


if __name__ == "__main__":
    main()
