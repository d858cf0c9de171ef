"""Golden numbers and texts for tdsl's nn/data/io tests, computed by PyTorch 1.13.

Run from the repository root:  /usr/bin/python3 src/test/golden/nn/generate.py
It rewrites the files next to it; the Java tests only read them (no Python at test time).

Format of the .txt files: blocks of
    @name dtype d0 d1 ...        (dtype: f32, i64; no dims for a 0-d tensor)
    v v v ...                    (row-major values, one line)
and lines `#` for comments. Strings (reprs) are in repr.txt as  @name  then the text lines
up to the next @ line.
"""
import json
import os
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_num_threads(1)


class Out:
    def __init__(self, name):
        self.f = open(os.path.join(HERE, name), "w")

    def comment(self, text):
        self.f.write("# " + text + "\n")

    def tensor(self, name, t):
        t = t.detach().contiguous()
        dt = {torch.float32: "f32", torch.int64: "i64"}[t.dtype]
        self.f.write("@" + " ".join([name, dt] + [str(s) for s in t.shape]) + "\n")
        self.f.write(" ".join(repr(v) for v in t.reshape(-1).tolist()) + "\n")

    def close(self):
        self.f.close()


def mnist_normalisation():
    o = Out("mnist_normalise.txt")
    o.comment("torchvision ToTensor then Normalize((0.1307,), (0.3081,)) of the bytes 0..255")
    x = torch.arange(256, dtype=torch.uint8).to(torch.float32).div(255)
    mean = torch.as_tensor((0.1307,), dtype=torch.float32).view(-1, 1, 1)
    std = torch.as_tensor((0.3081,), dtype=torch.float32).view(-1, 1, 1)
    o.tensor("pixels", x.view(1, 1, 256).sub_(mean).div_(std).view(256))
    o.close()


# ---- safetensors in plain Python (the safetensors package is not installed here) ----
CODES = {torch.float32: "F32", torch.int64: "I64", torch.bool: "BOOL"}
DTYPES = {"F32": (torch.float32, "<f", 4), "I64": (torch.int64, "<q", 8), "BOOL": (torch.bool, "?", 1)}


def write_safetensors(path, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        t = t.detach().contiguous()
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": CODES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    out = {}
    for name, info in header.items():
        dtype, fmt, size = DTYPES[info["dtype"]]
        a, b = info["data_offsets"]
        count = (b - a) // size
        values = struct.unpack("<" + fmt.lstrip("<") * count, raw[8 + n + a:8 + n + b])
        out[name] = torch.tensor(values, dtype=dtype).reshape(info["shape"])
    return out, meta


def safetensors_from_torch():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8, 3))
    tensors = dict(model.state_dict())
    tensors["steps"] = torch.tensor([3, -1, 7], dtype=torch.int64)
    tensors["mask"] = torch.tensor([[True, False], [False, True]])
    write_safetensors(os.path.join(HERE, "torch_written.safetensors"), tensors, {"format": "pt"})
    write_safetensors(os.path.join(HERE, "torch_model.safetensors"), model.state_dict())
    x = torch.randn(2, 1, 4, 4, generator=torch.Generator().manual_seed(5))
    o = Out("torch_model.txt")
    o.comment("Sequential(Conv2d(1, 2, 3), ReLU(), Flatten(), Linear(8, 3)) from torch_model.safetensors on x")
    o.tensor("x", x)
    o.tensor("out", model(x))
    o.close()
    o = Out("torch_written.txt")
    o.comment("the float and int tensors of torch_written.safetensors, for comparison")
    for name, t in tensors.items():
        if t.dtype != torch.bool:
            o.tensor(name, t)
    o.close()


# ---- functional ops: forward values and gradients for a fixed upstream gradient ----
def ops():
    o = Out("ops.txt")
    g = torch.Generator().manual_seed(1234)

    def rnd(*shape):
        return torch.randn(tuple(shape), generator=g)

    def case(name, fn, inputs):
        """inputs: dict of name -> tensor (float ones get gradients)."""
        leaves = {k: (v.clone().requires_grad_(True) if v.dtype == torch.float32 and k != "wt" else v) for k, v in inputs.items()}
        out = fn(**leaves)
        go = rnd(*out.shape)
        (out * go).sum().backward()
        for k, v in inputs.items():
            o.tensor(f"{name}.{k}", v)
        o.tensor(f"{name}.out", out)
        o.tensor(f"{name}.gout", go)
        for k, v in leaves.items():
            if v.requires_grad:
                o.tensor(f"{name}.grad.{k}", v.grad)
        o.f.write(f"# {name}: grad_fn={type(out.grad_fn).__name__}\n")

    case("conv_basic", lambda x, w, b: F.conv2d(x, w, b), dict(x=rnd(2, 3, 6, 5), w=rnd(4, 3, 3, 3), b=rnd(4)))
    case("conv_stride_pad", lambda x, w, b: F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2)),
         dict(x=rnd(2, 3, 7, 6), w=rnd(5, 3, 3, 2), b=rnd(5)))
    case("conv_dilation_groups", lambda x, w: F.conv2d(x, w, None, stride=1, padding=2, dilation=(2, 1), groups=2),
         dict(x=rnd(2, 4, 7, 7), w=rnd(6, 2, 3, 3)))
    case("conv_all", lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1, dilation=2, groups=3),
         dict(x=rnd(1, 6, 9, 8), w=rnd(3, 2, 2, 3), b=rnd(3)))
    case("conv_same_even", lambda x, w, b: F.conv2d(x, w, b, padding="same", dilation=(1, 2)),
         dict(x=rnd(2, 2, 5, 6), w=rnd(3, 2, 2, 3), b=rnd(3)))
    case("conv_valid", lambda x, w: F.conv2d(x, w, None, padding="valid"), dict(x=rnd(1, 2, 5, 5), w=rnd(2, 2, 3, 3)))
    case("maxpool_2", lambda x: F.max_pool2d(x, 2), dict(x=rnd(2, 3, 6, 7)))
    case("maxpool_overlap_pad", lambda x: F.max_pool2d(x, 3, stride=2, padding=1), dict(x=rnd(2, 2, 7, 6)))
    case("avgpool_2", lambda x: F.avg_pool2d(x, 2), dict(x=rnd(2, 3, 6, 7)))
    case("avgpool_overlap_pad", lambda x: F.avg_pool2d(x, 3, stride=2, padding=1), dict(x=rnd(2, 2, 7, 6)))
    case("avgpool_exclude_pad", lambda x: F.avg_pool2d(x, (3, 2), stride=(2, 1), padding=1, count_include_pad=False),
         dict(x=rnd(1, 2, 6, 5)))
    case("linear", lambda x, w, b: F.linear(x, w, b), dict(x=rnd(4, 5), w=rnd(3, 5), b=rnd(3)))
    case("linear_nobias_3d", lambda x, w: F.linear(x, w), dict(x=rnd(2, 4, 5), w=rnd(3, 5)))
    case("log_softmax", lambda x: F.log_softmax(x, dim=1), dict(x=rnd(4, 6)))
    case("softmax", lambda x: F.softmax(x, dim=1), dict(x=rnd(4, 6)))
    y = torch.tensor([2, 0, 5, 1, 5])
    case("nll_mean", lambda x, y: F.nll_loss(F.log_softmax(x, 1), y), dict(x=rnd(5, 6), y=y))
    case("nll_sum", lambda x, y: F.nll_loss(x, y, reduction="sum"), dict(x=rnd(5, 6), y=y))
    case("nll_none", lambda x, y: F.nll_loss(x, y, reduction="none"), dict(x=rnd(5, 6), y=y))
    wt = torch.tensor([0.5, 1.0, 2.0, 0.1, 1.5, 3.0])
    case("nll_weight_ignore", lambda x, y, wt: F.nll_loss(x, y, weight=wt, ignore_index=5), dict(x=rnd(5, 6), y=y, wt=wt))
    case("nll_weight_none", lambda x, y, wt: F.nll_loss(x, y, weight=wt, reduction="none", ignore_index=0),
         dict(x=rnd(5, 6), y=y, wt=wt))
    case("nll_4d", lambda x, y: F.nll_loss(x, y), dict(x=rnd(2, 3, 2, 2), y=torch.tensor([[[0, 2], [1, 1]], [[2, 2], [0, 1]]])))
    case("cross_entropy", lambda x, y: F.cross_entropy(x, y), dict(x=rnd(5, 6), y=y))
    case("cross_entropy_weight_sum", lambda x, y, wt: F.cross_entropy(x, y, weight=wt, reduction="sum"),
         dict(x=rnd(5, 6), y=y, wt=wt))
    case("ce_smoothing", lambda x, y: F.cross_entropy(x, y, label_smoothing=0.1), dict(x=rnd(5, 6), y=y))
    case("ce_smoothing_weight_ignore", lambda x, y, wt: F.cross_entropy(x, y, weight=wt, ignore_index=5, label_smoothing=0.2),
         dict(x=rnd(5, 6), y=y, wt=wt))
    case("ce_smoothing_ignore_none", lambda x, y: F.cross_entropy(x, y, ignore_index=1, reduction="none", label_smoothing=0.3),
         dict(x=rnd(5, 6), y=y))
    case("ce_smoothing_ignore_mean", lambda x, y: F.cross_entropy(x, y, ignore_index=5, label_smoothing=0.3),
         dict(x=rnd(5, 6), y=y))
    case("ce_probs", lambda x, t: F.cross_entropy(x, t), dict(x=rnd(4, 5), t=torch.softmax(rnd(4, 5), 1)))
    case("ce_probs_weight_smoothing_sum",
         lambda x, t, wt: F.cross_entropy(x, t, weight=wt, reduction="sum", label_smoothing=0.1),
         dict(x=rnd(4, 6), t=torch.softmax(rnd(4, 6), 1), wt=wt))
    case("mse_mean", lambda x, t: F.mse_loss(x, t), dict(x=rnd(3, 4), t=rnd(3, 4)))
    case("mse_sum", lambda x, t: F.mse_loss(x, t, reduction="sum"), dict(x=rnd(3, 4), t=rnd(3, 4)))
    case("mse_none", lambda x, t: F.mse_loss(x, t, reduction="none"), dict(x=rnd(3, 4), t=rnd(3, 4)))
    o.close()


# ---- optimizers: 20 steps on a fixed least-squares problem ----
OPTIMIZERS = [
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("sgd_momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    ("sgd_nesterov_wd", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("sgd_dampening_maximize", lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.5, dampening=0.3, maximize=True)),
    ("adam", lambda p: torch.optim.Adam(p, lr=0.01)),
    ("adam_amsgrad_wd", lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1, amsgrad=True)),
    ("adamw", lambda p: torch.optim.AdamW(p, lr=0.01)),
    ("adamw_amsgrad", lambda p: torch.optim.AdamW(p, lr=0.02, betas=(0.85, 0.99), weight_decay=0.1, amsgrad=True)),
    ("adadelta", lambda p: torch.optim.Adadelta(p, lr=1.0)),
    ("adadelta_options", lambda p: torch.optim.Adadelta(p, lr=0.5, rho=0.95, eps=1e-5, weight_decay=0.1)),
    ("rmsprop", lambda p: torch.optim.RMSprop(p, lr=0.01)),
    ("adam_maximize", lambda p: torch.optim.Adam(p, lr=0.01, maximize=True)),
    ("adamw_maximize", lambda p: torch.optim.AdamW(p, lr=0.01, maximize=True)),
    ("adadelta_maximize", lambda p: torch.optim.Adadelta(p, lr=0.1, maximize=True)),
    ("rmsprop_maximize", lambda p: torch.optim.RMSprop(p, lr=0.001, momentum=0.5, maximize=True)),
    ("rmsprop_centered_momentum", lambda p: torch.optim.RMSprop(p, lr=0.005, alpha=0.9, eps=1e-6, momentum=0.8, centered=True, weight_decay=0.05)),
]


def optimizers():
    o = Out("optim.txt")
    g = torch.Generator().manual_seed(99)
    x = torch.randn(6, 4, generator=g)
    y = torch.randn(6, 3, generator=g)
    w0 = torch.randn(3, 4, generator=g) * 0.5
    b0 = torch.randn(3, generator=g) * 0.5
    o.comment("problem: loss = mse_loss(linear(x, w, b), y); parameters start at w0, b0")
    o.tensor("x", x); o.tensor("y", y); o.tensor("w0", w0); o.tensor("b0", b0)

    def run(name, make, sched=None):
        w = w0.clone().requires_grad_(True)
        b = b0.clone().requires_grad_(True)
        opt = make([w, b])
        s = sched(opt) if sched else None
        ws, bs, lrs = [], [], []
        for _ in range(20):
            opt.zero_grad()
            F.mse_loss(F.linear(x, w, b), y).backward()
            opt.step()
            if s:
                s.step()
                lrs.append(s.get_last_lr()[0])
            ws.append(w.detach().clone()); bs.append(b.detach().clone())
        o.tensor(name + ".w", torch.stack(ws))
        o.tensor(name + ".b", torch.stack(bs))
        if s:
            o.f.write("@%s.lr f64 20\n%s\n" % (name, " ".join(repr(v) for v in lrs)))

    for name, make in OPTIMIZERS:
        run(name, make)
    run("sgd_steplr", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.5),
        lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.7))
    o.close()


def reprs():
    with open(os.path.join(HERE, "repr.txt"), "w") as f:
        def put(name, m):
            f.write("@" + name + "\n" + repr(m) + "\n")
        put("conv", nn.Conv2d(1, 32, 3))
        put("conv_options", nn.Conv2d(4, 8, (3, 5), stride=2, padding=(1, 2), dilation=2, groups=2, bias=False))
        put("conv_pad1", nn.Conv2d(3, 3, 3, padding=1))
        put("conv_same", nn.Conv2d(1, 2, (3, 5), padding="same", dilation=2))
        put("conv_valid", nn.Conv2d(1, 2, 3, padding="valid"))
        put("linear", nn.Linear(9216, 128))
        put("linear_nobias", nn.Linear(3, 2, bias=False))
        put("maxpool", nn.MaxPool2d(2))
        put("maxpool_options", nn.MaxPool2d(3, stride=2, padding=1))
        put("avgpool", nn.AvgPool2d(2))
        put("avgpool_options", nn.AvgPool2d((3, 2), stride=1, padding=1))
        put("relu", nn.ReLU()); put("tanh", nn.Tanh()); put("sigmoid", nn.Sigmoid())
        put("dropout", nn.Dropout(0.25)); put("dropout_default", nn.Dropout()); put("dropout2d", nn.Dropout2d(0.1))
        put("flatten", nn.Flatten()); put("logsoftmax", nn.LogSoftmax(dim=1)); put("softmax", nn.Softmax(dim=-1))
        net = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Dropout(0.25), nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Dropout(0.5),
                            nn.Linear(128, 10), nn.LogSoftmax(dim=1))
        put("mnist_net", net)
        put("nested", nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.ReLU(), nn.Linear(3, 1))))
        put("empty_sequential", nn.Sequential())
        p = [torch.zeros(2, requires_grad=True)]
        put("optim_sgd", torch.optim.SGD(p, lr=0.1))
        put("optim_sgd_options", torch.optim.SGD(p, lr=0.01, momentum=0.9, weight_decay=1e-4, nesterov=True))
        put("optim_adam", torch.optim.Adam(p))
        put("optim_adamw", torch.optim.AdamW(p, lr=0.002, betas=(0.8, 0.9), amsgrad=True))
        put("optim_adadelta", torch.optim.Adadelta(p, lr=1.0))
        put("optim_rmsprop", torch.optim.RMSprop(p, centered=True, momentum=0.5))
        f.write("@mnist_net_names\n" + "\n".join(f"{k} {list(v.shape)}" for k, v in net.state_dict().items()) + "\n")
        f.write("@end\n")


if __name__ == "__main__":
    mnist_normalisation()
    safetensors_from_torch()
    ops()
    optimizers()
    reprs()
    # the file CheckpointTest wrote (target/tdsl_written.safetensors, when present) must load
    # into the same PyTorch model and give the output tdsl computed (target/tdsl_written.txt)
    tdsl_file = os.path.join(HERE, "../../../../target/tdsl_written.safetensors")
    if os.path.exists(tdsl_file):
        tensors, meta = read_safetensors(tdsl_file)
        print("target/tdsl_written.safetensors:", {k: list(v.shape) for k, v in tensors.items()}, meta)
        model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(8, 3))
        model.load_state_dict(tensors)
        with open(os.path.join(os.path.dirname(tdsl_file), "tdsl_written.txt")) as f:
            lines = f.read().split()
        x = torch.tensor([float(v) for v in lines[:32]]).view(2, 1, 4, 4)
        expected = torch.tensor([float(v) for v in lines[32:]]).view(2, 3)
        print("PyTorch output equals tdsl's:", torch.allclose(model(x), expected, atol=1e-6), model(x).tolist())
