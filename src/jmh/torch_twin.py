#!/usr/bin/python3
"""PyTorch's side of the kernel benchmarks: the same cases as src/jmh/java, timed the same way.

Run with Debian's /usr/bin/python3 (PyTorch 1.13). Prints one line per case:
    <case> <median microseconds> <best microseconds>
The thread setting matters: PyTorch's fastest on this 2-core machine is usually
torch.set_num_threads(2) with OPENBLAS_NUM_THREADS=1, but not always (a lone matmul can
prefer OpenBLAS's own threads), so run it under each setting and take the best per case:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/jmh/torch_twin.py
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 src/jmh/torch_twin.py

With --compare FILE (JMH's -rf json output), prints the table tdsl vs PyTorch instead: medians
on both sides; pass several twin outputs with --torch to take PyTorch's best across settings.
Case names match the JMH results: the benchmark's parameter values joined by dots, then the
method name unless it is `run` (GemmBench's shape "gemm.square.256"; ConvBench's layer
"conv.conv1" + ".forward").
"""
import argparse
import json
import os
import statistics
import sys
import time


def cases(torch, F):
    """Each case: name -> a zero-argument callable that does one operation."""
    out = {}
    g = torch.Generator().manual_seed(0)

    def rand(*shape):
        return torch.rand(*shape, generator=g) - 0.5

    for n in (256, 512, 1024, 2048):
        a, b = rand(n, n), rand(n, n)
        c = torch.empty(n, n)
        out[f"gemm.square.{n}"] = lambda a=a, b=b, c=c: torch.mm(a, b, out=c)

    # The MNIST network's fc1: 64x9216 @ 9216x128 and the two products of its backward.
    x, w, gy = rand(64, 9216), rand(128, 9216), rand(64, 128)
    out["gemm.fc1.forward"] = lambda: torch.mm(x, w.t())            # x · Wᵀ
    out["gemm.fc1.gradInput"] = lambda: torch.mm(gy, w)             # g · W
    out["gemm.fc1.gradWeight"] = lambda: torch.mm(gy.t(), x)        # gᵀ · x

    a2, b2, c2 = rand(2, 2), rand(2, 2), torch.empty(2, 2)
    out["gemm.tiny.2"] = lambda: torch.mm(a2, b2, out=c2)

    # Backward through autograd, as a training step runs it; asking for some inputs only
    # times each gradient on its own (the weight's comes with the bias's, in one call).
    for name, cin, cout, hw in (("conv1", 1, 32, 28), ("conv2", 32, 64, 26)):
        xi, wi, bi = rand(64, cin, hw, hw), rand(cout, cin, 3, 3), rand(cout)
        out[f"conv.{name}.forward"] = lambda xi=xi, wi=wi, bi=bi: F.conv2d(xi, wi, bi)
        xg, wg, bg = (t.clone().requires_grad_() for t in (xi, wi, bi))
        with torch.enable_grad():
            yg = F.conv2d(xg, wg, bg)
        go = rand(*yg.shape)
        out[f"conv.{name}.gradInput"] = lambda yg=yg, xg=xg, go=go: torch.autograd.grad(
            yg, [xg], go, retain_graph=True)
        out[f"conv.{name}.gradWeight"] = lambda yg=yg, wg=wg, bg=bg, go=go: torch.autograd.grad(
            yg, [wg, bg], go, retain_graph=True)

    xp = rand(64, 64, 24, 24).requires_grad_()
    with torch.enable_grad():
        yp = F.max_pool2d(xp, 2)
    gp = rand(*yp.shape)
    out["pool.max.forward"] = lambda: F.max_pool2d(xp, 2)
    out["pool.max.backward"] = lambda: torch.autograd.grad(yp, [xp], gp, retain_graph=True)

    big, row = rand(4096, 4096), rand(4096)
    out["ops.add"] = lambda: big + big
    out["ops.addRow"] = lambda: big + row               # broadcast (4096,)
    out["ops.addColumn"] = lambda: big + row[:, None]   # broadcast (4096, 1)
    out["ops.relu"] = lambda: torch.relu(big)
    out["ops.mulTransposed"] = lambda: big * big.t()     # a strided view
    out["ops.sum"] = lambda: big.sum()
    out["ops.sumDim0"] = lambda: big.sum(0)
    out["ops.sumDim1"] = lambda: big.sum(1)
    out["ops.mean"] = lambda: big.mean(1)
    out["ops.softmax"] = lambda: F.softmax(big, 1)
    out["ops.logSoftmax"] = lambda: F.log_softmax(big, 1)
    logits = rand(64, 10)
    out["ops.logSoftmaxSmall"] = lambda: F.log_softmax(logits, 1)
    out["ops.exp"] = lambda: torch.exp(big)
    out["ops.sigmoid"] = lambda: torch.sigmoid(big)
    out["ops.tanh"] = lambda: torch.tanh(big)
    out["ops.log"] = lambda: torch.log(big)
    return out


def time_case(fn, seconds):
    for _ in range(3):
        fn()
    samples = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(samples) < 5:
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1e6)
    return statistics.median(samples), min(samples)


def run(args):
    import torch
    import torch.nn.functional as F
    torch.set_num_threads(args.threads)
    print(f"# torch {torch.__version__} threads {torch.get_num_threads()} "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '')}", flush=True)
    with torch.no_grad():
        for name, fn in cases(torch, F).items():
            if args.only and not any(s in name for s in args.only):
                continue
            med, best = time_case(fn, args.seconds)
            print(f"{name} {med:.1f} {best:.1f}", flush=True)


FLOPS = {f"gemm.square.{n}": 2.0 * n ** 3 for n in (256, 512, 1024, 2048)}
FLOPS.update({f"gemm.fc1.{k}": 2.0 * 64 * 9216 * 128 for k in ("forward", "gradInput", "gradWeight")})


def compare(args):
    torch_us = {}
    for path in args.torch:
        for line in open(path):
            if line.startswith("#") or not line.strip():
                continue
            name, med, _best = line.split()
            torch_us[name] = min(float(med), torch_us.get(name, float("inf")))
    print("| case | tdsl µs (median) | PyTorch µs (median, best setting) | speed tdsl/PyTorch |")
    print("|---|---|---|---|")
    for result in json.load(open(args.compare)):
        method = result["benchmark"].rsplit(".", 1)[1]
        params = list((result.get("params") or {}).values())
        key = ".".join(params + ([] if method == "run" else [method]))
        metric = result["primaryMetric"]
        # the median of JMH's samples (SampleTime mode), as the twin reports the median:
        # on a shared machine a few stalled runs would drag a mean far off
        us = metric.get("scorePercentiles", {}).get("50.0", metric["score"])
        us *= {"us/op": 1, "ms/op": 1000, "ns/op": 0.001}[metric["scoreUnit"]]
        t = torch_us.get(key)
        extra = f" ({FLOPS[key] / us / 1e3:.0f} vs {FLOPS[key] / t / 1e3:.0f} GFLOP/s)" \
            if t and key in FLOPS else ""
        ratio = f"{t / us:.2f}{extra}" if t else "-"
        print(f"| {key} | {us:.1f} | {t if t else '-'} | {ratio} |")
    print("\nspeed > 1: tdsl is faster.")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=1.0)
    p.add_argument("--only", nargs="*")
    p.add_argument("--compare")
    p.add_argument("--torch", nargs="*", default=[])
    args = p.parse_args()
    if args.compare:
        compare(args)
    else:
        run(args)


if __name__ == "__main__":
    sys.exit(main())
