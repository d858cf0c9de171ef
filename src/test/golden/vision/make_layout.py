"""Lays examples/data/mnist out as torchvision expects it: ROOT/MNIST/raw with the IDX files
unzipped (torchvision 0.14 reads only unzipped files). Used by generate.py; the Java test
TorchvisionMnistTest makes the same layout itself."""
import gzip
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "..", "..", "examples", "data", "mnist")


def make(root):
    raw = os.path.join(root, "MNIST", "raw")
    os.makedirs(raw, exist_ok=True)
    for name in sorted(os.listdir(SAMPLE)):
        if name.endswith(".gz"):
            with gzip.open(os.path.join(SAMPLE, name)) as src, open(os.path.join(raw, name[:-3]), "wb") as dst:
                shutil.copyfileobj(src, dst)
    return root
