"""The Scalar engine of engine.py checked against PyTorch's autograd, in float64."""
import torch
from engine import Scalar


def expression(a, b, tanh, exp):
    c = a * b + b ** 2 / a
    d = tanh(c - 1) * 3 + exp(a * 0.5)
    e = (d - a) ** 2 + 1 / (b + 5)
    return e * 0.1 + c.relu()


def check(a0, b0):
    a, b = Scalar(a0), Scalar(b0)
    out = expression(a, b, lambda s: s.tanh(), lambda s: s.exp())
    out.backward()

    ta = torch.tensor(a0, dtype=torch.float64, requires_grad=True)
    tb = torch.tensor(b0, dtype=torch.float64, requires_grad=True)
    tout = expression(ta, tb, torch.tanh, torch.exp)
    tout.backward()

    assert abs(out.value - tout.item()) < 1e-12, (out.value, tout.item())
    assert abs(a.grad - ta.grad.item()) < 1e-12
    assert abs(b.grad - tb.grad.item()) < 1e-12
    print(f"a={a0} b={b0}: value {out.value:.10f} da {a.grad:.10f} db {b.grad:.10f}")
    return out


if __name__ == "__main__":
    for a0, b0 in [(1.5, -0.5), (-2.0, 3.0), (0.25, 0.75)]:
        last = check(a0, b0)
    print(last)
    print(len(last.ordered()), "nodes in the last graph")
    print("all checks passed")
