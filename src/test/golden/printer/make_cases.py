"""Golden cases for TensorFormatter: PyTorch's own str(t) for many tensors.

Run:  /usr/bin/python3 make_cases.py > cases.txt

Format, one block per case:
    case <name>
    shape <d0> <d1> ...          (nothing after "shape" for a 0-d tensor)
    dtype float32|int64|bool
    grad none | requires | <GradFnName>
    values <v0> <v1> ...          (row-major; float32 as shortest float32 decimal
                                   or inf/-inf/nan; int64 decimal; bool 0/1)
    expect <number of lines>
    <the lines of str(t)>
grad_fn names come from custom autograd Functions, so PyTorch prints exactly the
name we pass, without a digit (the formatter prints whatever name it is given; tdsl's
own nodes carry PyTorch's digit, MulBackward0, and are measured like any other name).
"""
import random

import numpy as np
import torch


def make_fn(name):
    # The class must be born with its name: PyTorch prints type(grad_fn).__name__,
    # which is name + "Backward".
    return type(name, (torch.autograd.Function,), {
        "forward": staticmethod(lambda ctx, x: x.clone()),
        "backward": staticmethod(lambda ctx, g: g),
    })


FNS = {n + "Backward": make_fn(n) for n in ["Mul", "Mm", "Sum", "Add", "Relu", "Convolution"]}


def f32_token(v):
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    s = str(np.float32(v))
    assert np.float32(s) == np.float32(v) and np.signbit(np.float32(s)) == np.signbit(np.float32(v)), (s, v)
    return s


def emit(name, t, grad=None):
    """grad: None, "requires" or a key of FNS."""
    shown = t
    if grad == "requires":
        shown = t.clone().requires_grad_(True)
    elif grad is not None:
        shown = FNS[grad].apply(t.clone().requires_grad_(True))
    text = str(shown)
    flat = t.reshape(-1).tolist()
    if t.dtype == torch.float32:
        vals = [f32_token(v) for v in flat]
    elif t.dtype == torch.bool:
        vals = ["1" if v else "0" for v in flat]
    else:
        vals = [str(v) for v in flat]
    lines = text.split("\n")
    print("case", name)
    print("shape" + "".join(" " + str(d) for d in t.shape))
    print("dtype", str(t.dtype).replace("torch.", ""))
    print("grad", grad if grad is not None else "none")
    print("values" + "".join(" " + v for v in vals))
    print("expect", len(lines))
    for line in lines:
        print(line)


def f(data):
    return torch.tensor(data, dtype=torch.float32)


def hand_cases():
    inf, nan = float("inf"), float("nan")
    emit("scalar_int_mode", f(200.0))
    emit("scalar_frac", f(1.5))
    emit("scalar_zero", f(0.0))
    emit("scalar_negzero", f(-0.0))
    emit("scalar_small", f(1e-5))
    emit("scalar_big", f(1e9))
    emit("scalar_nan", f(nan))
    emit("scalar_inf", f(-inf))
    emit("scalar_int", torch.tensor(7))
    emit("scalar_int_neg", torch.tensor(-123456789012))
    emit("scalar_bool", torch.tensor(True))
    emit("scalar_bool_false", torch.tensor(False))
    emit("scalar_requires", f(10.0), "requires")
    emit("scalar_gradfn", f(200.0), "MulBackward")
    emit("vec_int_mode", f([1.0, 2.0]))
    emit("vec_frac", f([1.5, 2.0]))
    emit("vec_sci", f([[1e-5, 1e5]]))
    emit("vec_sci_int", f([1.0, 2000.0]))
    emit("vec_int_1e8", f([1.0, 1e9]))
    emit("vec_exact_1000", f([1.0, 1000.0]))
    emit("vec_exact_1001", f([1.0, 1001.0]))
    emit("vec_small_1e-4", f([1e-4, 0.5]))
    emit("vec_small_below", f([9.9e-5, 0.5]))
    emit("vec_neg", f([-1.0, 2.5, -3.25]))
    emit("vec_negzero", f([-0.0, 0.0]))
    emit("vec_negzero_frac", f([-0.0, 0.5]))
    emit("vec_negzero_sci", f([-0.0, 1e-7]))
    emit("vec_zeros", f([0.0, 0.0, 0.0]))
    emit("vec_nan_inf", f([nan, inf, -inf]))
    emit("vec_nan_int", f([nan, 1.0, 2.0]))
    emit("vec_inf_frac", f([inf, 1.5, -2.25]))
    emit("vec_inf_sci", f([inf, 1e-8, -2.5e10]))
    emit("vec_half_even", f([0.00005, 0.00015, 0.00025, 1.00005, 2.5]))
    emit("vec_round_up", f([0.99999, 9.99995, 99.99995]))
    emit("vec_bool", torch.tensor([True, False]))
    emit("vec_bool_true", torch.tensor([True, True]))
    emit("vec_int", torch.tensor([1, 2, 3]))
    emit("vec_int_neg", torch.tensor([-1, 20, 300]))
    emit("vec_int_long", torch.arange(100))
    emit("vec_int_summ", torch.arange(2000))
    emit("vec_float_summ", torch.arange(2000, dtype=torch.float32) / 7)
    emit("vec_bool_summ", torch.arange(1500) % 3 == 0)
    emit("vec_1001", torch.arange(1001, dtype=torch.float32))
    emit("vec_1000", torch.arange(1000, dtype=torch.float32))
    emit("vec_wrap", torch.linspace(-1, 1, 50))
    emit("vec_wrap_grad", torch.linspace(-1, 1, 50), "AddBackward")
    emit("vec_wrap_req", torch.linspace(-3, 1, 37), "requires")
    emit("mat_2x2", f([[2000.0, 1700.0], [4800.0, 4100.0]]), "MmBackward")
    emit("mat_grad", f([[220.0, 160.0], [520.0, 380.0]]))
    emit("mat_eye", torch.eye(3))
    emit("mat_int", torch.tensor([[1, -2], [30, 4]]))
    emit("mat_bool", torch.tensor([[True, False], [False, False]]))
    emit("mat_summ", torch.arange(4000, dtype=torch.float32).reshape(40, 100))
    emit("mat_summ_rows", torch.arange(2000, dtype=torch.float32).reshape(1000, 2))
    emit("mat_summ_int", torch.arange(3000).reshape(3, 1000))
    emit("t3", torch.arange(24, dtype=torch.float32).reshape(2, 3, 4))
    emit("t3_grad", torch.arange(24, dtype=torch.float32).reshape(2, 3, 4) / 3, "SumBackward")
    emit("t4", torch.arange(48, dtype=torch.float32).reshape(2, 2, 3, 4) - 20)
    emit("t4_summ", torch.arange(2 * 3 * 20 * 20).reshape(2, 3, 20, 20).float() * 1.5)
    emit("t3_summ", torch.arange(10 * 10 * 11).reshape(10, 10, 11) - 500)
    emit("empty", torch.tensor([]))
    emit("empty_req", torch.tensor([]), "requires")
    emit("empty_int", torch.tensor([], dtype=torch.int64))
    emit("empty_bool", torch.tensor([], dtype=torch.bool))
    emit("empty_0x3", torch.zeros(0, 3))
    emit("empty_2x0x4_int", torch.zeros(2, 0, 4, dtype=torch.int64))
    emit("empty_3x0_bool", torch.zeros(3, 0, dtype=torch.bool))
    emit("empty_0x3_grad", torch.zeros(0, 3), "ReluBackward")
    emit("suffix_wrap", torch.full((7,), 123456.5), "ConvolutionBackward")
    emit("suffix_wrap2", torch.full((12,), 1.25), "ConvolutionBackward")
    for n in range(1, 14):
        emit("suffix_len_%d" % n, torch.full((n,), -1.5), "ConvolutionBackward")
        emit("suffix_len_req_%d" % n, torch.full((n,), 2.5), "requires")
    emit("large_int_vals", f([123456789.0, 1.0]))
    emit("max_f32", f([3.4028234663852886e38, -1.0]))
    emit("tiny_f32", f([1e-45, 1.0]))
    emit("sci_exp3", f([1e-30, 1e30]))


def rand_values(rng, n, kind):
    if kind == "int":
        return [float(rng.randint(-1000, 1000)) for _ in range(n)]
    if kind == "unit":
        return [rng.uniform(-1, 1) for _ in range(n)]
    if kind == "mag":
        lo, hi = sorted((rng.uniform(-9, 12), rng.uniform(-9, 12)))
        return [rng.choice([-1, 1]) * 10 ** rng.uniform(lo, hi) for _ in range(n)]
    if kind == "narrow":
        e = rng.uniform(-9, 12)
        return [10 ** e * rng.uniform(1, 9.999) for _ in range(n)]
    if kind == "bigint":
        e = rng.randint(3, 12)
        return [float(rng.randint(-(10 ** e), 10 ** e)) for _ in range(n)]
    if kind == "special":
        pool = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1.0, -2.0, 0.5, 1e-6, 3e9]
        return [rng.choice(pool) if rng.random() < 0.5 else rng.uniform(-5, 5) for _ in range(n)]
    raise ValueError(kind)


def rand_shape(rng):
    ndim = rng.randint(1, 4)
    target = rng.choice([rng.randint(1, 30)] * 3 + [rng.randint(1, 200)] * 3 + [rng.randint(950, 1100), rng.randint(1000, 2000)])
    shape = []
    left = target
    for i in range(ndim - 1):
        d = rng.randint(1, max(1, min(left, rng.choice([3, 7, 12, 40]))))
        shape.append(d)
        left = max(1, left // d)
    shape.append(max(1, left))
    rng.shuffle(shape)
    return shape


def random_cases():
    rng = random.Random(20261125)
    kinds = ["int", "unit", "mag", "narrow", "bigint", "special"]
    grads = [None] * 6 + ["requires", "MulBackward", "MmBackward"]
    for i in range(300):
        shape = rand_shape(rng)
        n = int(np.prod(shape))
        r = rng.random()
        if r < 0.12:
            t = torch.tensor([rng.randint(-10 ** rng.randint(1, 15), 10 ** rng.randint(1, 15)) for _ in range(n)],
                             dtype=torch.int64).reshape(shape)
            grad = None
        elif r < 0.18:
            t = torch.tensor([rng.random() < 0.5 for _ in range(n)]).reshape(shape)
            grad = None
        else:
            kind = rng.choice(kinds)
            t = f(rand_values(rng, n, kind)).reshape(shape)
            grad = rng.choice(grads)
        emit("random_%d" % i, t, grad)


if __name__ == "__main__":
    hand_cases()
    random_cases()
