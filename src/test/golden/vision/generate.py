"""Regenerates mnist_vision.out: runs mnist_vision.py under PyTorch 1.13 / torchvision 0.14
over examples/data/mnist laid out as torchvision's ROOT/MNIST/raw in a temp dir.

Run from anywhere:  /usr/bin/python3 src/test/golden/vision/generate.py
"""
import os
import subprocess
import sys
import tempfile

import make_layout

HERE = os.path.dirname(os.path.abspath(__file__))

with tempfile.TemporaryDirectory() as tmp:
    root = make_layout.make(tmp)
    out = subprocess.run([sys.executable, os.path.join(HERE, "mnist_vision.py"), root],
                         check=True, capture_output=True, text=True).stdout
with open(os.path.join(HERE, "mnist_vision.out"), "w") as f:
    f.write(out)
print("ok     mnist_vision")
