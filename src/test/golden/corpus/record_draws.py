"""Runs one corpus program under PyTorch and records every random draw it makes, in order.

    python3 record_draws.py DRAWS_FILE PROGRAM [ARGS...]

The program runs unchanged as __main__ (sys.argv = [PROGRAM, ARGS...], its directory first on
sys.path, so `import engine` finds engine.py beside it). Before it starts, the random entry
points a PyTorch program reaches are wrapped: torch.rand/randn/randint/randperm/normal/
bernoulli/multinomial and their _like forms, Tensor.uniform_/normal_/random_/bernoulli_, the
nn.init fillers, F.dropout/dropout1d/dropout2d, the DataLoader's RandomSampler and Python's random
module. Each wrapper lets the real call happen and writes down what it produced: the kind
(the name the program called), the shape of one draw and its values. Only the outermost call
is recorded (kaiming_uniform_ calls uniform_ inside; the draw is the kaiming_uniform_), so a
draw is what the program asked for, which is what tdsl's replayer answers.

The file is safetensors: tensor "00007" holds the values of draw-run 7 (consecutive draws of
the same kind and shape share one tensor), and __metadata__["00007"] is JSON
{"kind": ..., "shape": [...], "count": n}. docs/CHOICES.md (replayed random draws) says how
tdsl reads it.
"""
import contextlib
import json
import os
import random
import runpy
import struct
import sys
import types

import torch
import torch.nn.functional as F
import torch.utils.data
import torch.utils.data.dataloader as dataloader_module
import torch.utils.data.sampler as sampler_module

DTYPES = {torch.float32: ("F32", "<f4"), torch.float64: ("F64", "<f8"), torch.int64: ("I64", "<i8"),
          torch.bool: ("BOOL", "|b1")}


class Recording:
    def __init__(self):
        self.runs = []   # [kind, shape, dtype code, [bytes, ...]]
        self.depth = 0   # > 0 while inside a recorded call: inner draws are part of it

    @contextlib.contextmanager
    def inside(self):
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def add(self, kind, values):
        """values: a tensor, or (dtype code, shape, bytes) for Python's random module."""
        if isinstance(values, torch.Tensor):
            t = values.detach().cpu().contiguous()
            if t.dtype not in DTYPES:
                t = t.to(torch.float32 if t.is_floating_point() else torch.int64)
            code = DTYPES[t.dtype][0]
            shape = list(t.shape)
            data = t.numpy().tobytes()
        else:
            code, shape, data = values
        last = self.runs[-1] if self.runs else None
        if last and last[0] == kind and last[1] == shape and last[2] == code:
            last[3].append(data)
        else:
            self.runs.append([kind, shape, code, [data]])

    def save(self, path):
        header, offset, blobs = {}, 0, []
        meta = {"format": "tdsl-draws/1", "draws": str(sum(len(r[3]) for r in self.runs))}
        for i, (kind, shape, code, datas) in enumerate(self.runs):
            name = "%05d" % i
            blob = b"".join(datas)
            numel = 1
            for s in shape:
                numel *= s
            header[name] = {"dtype": code, "shape": [numel * len(datas)],
                            "data_offsets": [offset, offset + len(blob)]}
            meta[name] = json.dumps({"kind": kind, "shape": shape, "count": len(datas)})
            offset += len(blob)
            blobs.append(blob)
        header["__metadata__"] = meta
        text = json.dumps(header, separators=(",", ":")).encode()
        text += b" " * (-len(text) % 8)
        with open(path, "wb") as f:
            f.write(struct.pack("<Q", len(text)))
            f.write(text)
            for b in blobs:
                f.write(b)


REC = Recording()


def recorded(kind, result_of):
    """Wraps fn so that its outermost calls record result_of(args, result) under kind."""
    def wrap(fn):
        def wrapper(*args, **kwargs):
            if REC.depth:
                return fn(*args, **kwargs)
            with REC.inside():
                result = fn(*args, **kwargs)
            REC.add(kind, result_of(args, result))
            return result
        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        return wrapper
    return wrap


def returned(args, result):
    return result


def filled(args, result):
    return args[0]


def silent(fn):
    """Draws made inside fn are not the program's (the DataLoader's worker seeds): not recorded."""
    def wrapper(*args, **kwargs):
        with REC.inside():
            return fn(*args, **kwargs)
    return wrapper


def patch_torch():
    for name in ["rand", "randn", "randint", "randperm", "normal", "bernoulli", "multinomial",
                 "rand_like", "randn_like", "randint_like", "poisson"]:
        setattr(torch, name, recorded(name, returned)(getattr(torch, name)))
    for name in ["uniform_", "normal_", "random_", "bernoulli_", "exponential_", "geometric_",
                 "cauchy_", "log_normal_"]:
        setattr(torch.Tensor, name, recorded(name, filled)(getattr(torch.Tensor, name)))
    for name in ["uniform_", "normal_", "trunc_normal_", "xavier_uniform_", "xavier_normal_",
                 "kaiming_uniform_", "kaiming_normal_", "orthogonal_", "sparse_"]:
        setattr(torch.nn.init, name, recorded(name, filled)(getattr(torch.nn.init, name)))
    F.dropout = dropout_recorded("dropout", F.dropout, lambda x: x.shape)
    F.dropout2d = dropout_recorded("dropout2d", F.dropout2d,
                                   lambda x: x.shape[:2] + (1,) * (x.dim() - 2) if x.dim() == 4 else x.shape[:1] + (1,) * (x.dim() - 1))
    F.dropout1d = dropout_recorded("dropout1d", F.dropout1d, lambda x: x.shape[:2] + (1,) if x.dim() == 3 else x.shape[:1] + (1,))
    for name in ["alpha_dropout", "feature_alpha_dropout", "dropout3d", "rrelu", "gumbel_softmax"]:
        setattr(F, name, unsupported("F." + name, getattr(F, name)))

    original_iter = sampler_module.RandomSampler.__iter__

    def sampler_iter(self):
        """The epoch's order, drawn eagerly and recorded as one permutation."""
        with REC.inside():
            order = list(original_iter(self))
        REC.add("randperm", torch.tensor(order, dtype=torch.int64))
        return iter(order)
    sampler_module.RandomSampler.__iter__ = sampler_iter
    dataloader_module._BaseDataLoaderIter.__init__ = silent(dataloader_module._BaseDataLoaderIter.__init__)
    # Programs written for PyTorch 2.x pick their device with torch.accelerator (2.6+), which
    # 1.13 lacks: answer as a CPU-only PyTorch 2.x does, as tdsl does.
    if not hasattr(torch, "accelerator"):
        torch.accelerator = types.SimpleNamespace(is_available=lambda: False, device_count=lambda: 0,
                                                  current_accelerator=lambda check_available=False: None)


def dropout_recorded(kind, original, noise_shape):
    """PyTorch's dropout (a Bernoulli(1-p) mask divided by 1-p), with the mask recorded as bools."""
    def dropout(input, p=0.5, training=True, inplace=False):
        if not training or p == 0 or p == 1 or REC.depth:
            return original(input, p, training, inplace)
        with REC.inside():
            mask = torch.empty(noise_shape(input), dtype=input.dtype).bernoulli_(1 - p)
        REC.add(kind, mask.bool())
        noise = mask.div_(1 - p)
        return input.mul_(noise) if inplace else input * noise
    return dropout


def unsupported(name, fn):
    def wrapper(*args, **kwargs):
        raise NotImplementedError(f"record_draws.py does not record {name} yet: add it before recording this program")
    return wrapper


def python_random():
    """Python's random module: the draw is the result (an index list for shuffle)."""
    r = random._inst

    def scalar_float(kind, fn):
        def wrapper(*args, **kwargs):
            v = fn(*args, **kwargs)
            REC.add(kind, ("F64", [], struct.pack("<d", v)))
            return v
        return wrapper

    def scalar_int(kind, fn):
        def wrapper(*args, **kwargs):
            v = fn(*args, **kwargs)
            REC.add(kind, ("I64", [], struct.pack("<q", v)))
            return v
        return wrapper

    def choice(seq):
        i = r._randbelow(len(seq))
        REC.add("random.choice", ("I64", [], struct.pack("<q", i)))
        return seq[i]

    def shuffle(x):
        order = list(range(len(x)))
        r.shuffle(order)
        REC.add("random.shuffle", ("I64", [len(x)], struct.pack("<%dq" % len(x), *order)))
        x[:] = [x[i] for i in order]

    random.random = scalar_float("random.random", r.random)
    random.uniform = scalar_float("random.uniform", r.uniform)
    random.gauss = scalar_float("random.gauss", r.gauss)
    random.randint = scalar_int("random.randint", r.randint)
    random.randrange = scalar_int("random.randrange", r.randrange)
    random.choice = choice
    random.shuffle = shuffle
    for name in ["sample", "choices", "normalvariate", "betavariate", "expovariate", "getrandbits"]:
        setattr(random, name, unsupported("random." + name, getattr(random, name)))


def main():
    draws, program, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    torch.set_num_threads(1)
    # Programs that never seed still record the same draws on every regeneration.
    torch.manual_seed(0)
    random.seed(0)
    patch_torch()
    python_random()
    sys.argv = [program] + args
    sys.path.insert(0, os.path.dirname(os.path.abspath(program)))
    try:
        runpy.run_path(program, run_name="__main__")
    finally:
        sys.stdout.flush()
        REC.save(draws)


if __name__ == "__main__":
    main()
