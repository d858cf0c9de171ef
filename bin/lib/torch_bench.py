"""bin/bench's PyTorch side: the workloads of bin/lib/TdslBench.java (gemm, conv),
bin/lib/mnist.tdsl (train, infer) and bin/lib/small.tdsl (small), with the same names and
output lines (name, value, unit, tab-separated).

    /usr/bin/python3 bin/lib/torch_bench.py GROUP [SCALE]

SCALE multiplies the time budgets (train and infer: SCALE is the budget in seconds).
torch.set_num_threads(2); the caller sets OPENBLAS_NUM_THREADS (1 is PyTorch's fastest
setting on these two cores; for GEMM bin/bench also tries 2 and keeps the faster).
Each figure is the best of timed repetitions after a warm-up, as on the tdsl side.
"""
import gzip
import os
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


SCALE = 1.0


def seconds(body, budget=2.0):
    budget *= SCALE
    end = time.perf_counter() + 0.7 * SCALE
    calls = 0
    while time.perf_counter() < end or calls < 3:
        body()
        calls += 1
    times = []
    end = time.perf_counter() + budget
    while len(times) < 64 and (time.perf_counter() < end or len(times) < 5):
        t0 = time.perf_counter()
        body()
        times.append(time.perf_counter() - t0)
    return min(times)


def report(name, value, unit):
    print(f"{name}\t{value:.4g}\t{unit}", flush=True)


def gemm():
    for n in (256, 512, 1024, 2048):
        a, b = torch.randn(n, n), torch.randn(n, n)
        s = seconds(lambda: torch.mm(a, b), 2 if n >= 2048 else 1)
        report(f"gemm n={n}", 2.0 * n ** 3 / s / 1e9, "GFLOP/s")
    x, w, g = torch.randn(64, 9216), torch.randn(128, 9216), torch.randn(64, 128)
    flops = 2.0 * 64 * 9216 * 128
    report("gemm fc1 x@W^T 64x9216x128", flops / seconds(lambda: torch.mm(x, w.t()), 1) / 1e9, "GFLOP/s")
    report("gemm fc1 g@W 64x128x9216", flops / seconds(lambda: torch.mm(g, w), 1) / 1e9, "GFLOP/s")
    report("gemm fc1 g^T@x 128x64x9216", flops / seconds(lambda: torch.mm(g.t(), x), 1) / 1e9, "GFLOP/s")


def conv_pair(name, x, w, b):
    with torch.no_grad():
        dims = "x".join(str(d) for d in x.shape)
        report(f"{name} fwd {dims}->{w.shape[0]}", seconds(lambda: F.conv2d(x, w, b), 1.5) * 1e3, "ms")
    xg, wg, bg = (t.clone().requires_grad_(True) for t in (x, w, b))
    with torch.no_grad():
        g = torch.randn(F.conv2d(x, w, b).shape)

    def step():
        F.conv2d(xg, wg, bg).backward(g)
        xg.grad = wg.grad = bg.grad = None
    report(f"{name} fwd+bwd", seconds(step, 1.5) * 1e3, "ms")


def conv():
    conv_pair("conv1", torch.randn(64, 1, 28, 28), torch.randn(32, 1, 3, 3), torch.randn(32))
    conv_pair("conv2", torch.randn(64, 32, 26, 26), torch.randn(64, 32, 3, 3), torch.randn(64))
    x = torch.randn(64, 64, 24, 24)
    with torch.no_grad():
        report("max_pool2d fwd 64x64x24x24", seconds(lambda: F.max_pool2d(x, 2), 1.5) * 1e3, "ms")
    xg, gp = torch.randn(64, 64, 24, 24).requires_grad_(True), torch.randn(64, 64, 12, 12)

    def step():
        F.max_pool2d(xg, 2).backward(gp)
        xg.grad = None
    report("max_pool2d fwd+bwd", seconds(step, 1.5) * 1e3, "ms")


def network():
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Dropout(0.25), nn.Flatten(), nn.Linear(9216, 128),
                         nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10), nn.LogSoftmax(dim=1))


def mnist_sample():
    """examples/data/mnist's training digits as tdsl's mnist() gives them: ToTensor, Normalize."""
    root = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "data", "mnist")
    with gzip.open(os.path.join(root, "train-images-idx3-ubyte.gz")) as f:
        _, n, rows, cols = struct.unpack(">4i", f.read(16))
        images = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).float().div(255)
    with gzip.open(os.path.join(root, "train-labels-idx1-ubyte.gz")) as f:
        f.read(8)
        labels = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).long()
    images = images.view(n, 1, rows, cols).sub(0.1307).div(0.3081)
    return torch.utils.data.TensorDataset(images, labels)


def rate(step, budget):
    """As bin/lib/mnist.tdsl: two warm-up passes, then the best images/s of timed passes."""
    step()
    step()
    rates = []
    end = time.perf_counter() + budget
    while len(rates) < 3 or time.perf_counter() < end:
        t0 = time.perf_counter()
        n = step()
        rates.append(n / (time.perf_counter() - t0))
    return max(rates)


def train(budget):
    torch.manual_seed(1)
    loader = torch.utils.data.DataLoader(mnist_sample(), batch_size=64, shuffle=True)
    model = network()
    opt = torch.optim.Adadelta(model.parameters(), lr=1.0)
    model.train()

    def epoch():
        n = 0
        for data, target in loader:
            opt.zero_grad()
            loss = F.nll_loss(model(data), target)
            loss.backward()
            opt.step()
            n += len(data)
        return n
    report("mnist train batch 64", rate(epoch, budget), "img/s")


def infer(budget):
    torch.manual_seed(1)
    images, _ = next(iter(torch.utils.data.DataLoader(mnist_sample(), batch_size=1000)))
    model = network()
    model.eval()

    def step():
        with torch.no_grad():
            model(images)
        return len(images)
    report("mnist infer batch 1000", rate(step, budget), "img/s")


def small():
    """The seed transcript's operations in a Python loop, as tdsl runs them in a script loop."""
    x = torch.tensor(10., requires_grad=True)
    y = torch.tensor(20., requires_grad=True)
    g = torch.tensor(2.)
    a = torch.tensor([[100., 200.], [300., 400.]], requires_grad=True)
    b = torch.tensor([[8., 7.], [6., 5.]], requires_grad=True)
    gd = torch.tensor([[10., 20.], [30., 40.]])

    def xy(n):
        for _ in range(n):
            z = x * y
            z.backward(g)

    def mm(n):
        for _ in range(n):
            d = a.matmul(b)
            d.backward(gd)
    for name, body in (("small x*y+backward 0-d", xy), ("small 2x2 matmul+backward", mm)):
        end = time.perf_counter() + 2
        while time.perf_counter() < end:
            body(5000)
        best = 1e9
        for _ in range(7):
            t0 = time.perf_counter()
            body(20000)
            best = min(best, (time.perf_counter() - t0) / 20000)
        report(name, best * 1e6, "us/iter")


if __name__ == "__main__":
    torch.set_num_threads(2)
    group = sys.argv[1]
    if group in ("train", "infer"):
        {"train": train, "infer": infer}[group](float(sys.argv[2]) if len(sys.argv) > 2 else 10.0)
    else:
        SCALE = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
        {"gemm": gemm, "conv": conv, "small": small}[group]()
