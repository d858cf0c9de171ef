"""Prints PyTorch 1.13's backward node name for each differentiable op tdsl has.

    /usr/bin/python3 src/test/golden/nodes/generate.py > src/test/golden/nodes/names.txt

One line per op variant: `LABEL NAME`, NAME being type(out.grad_fn).__name__. tdsl's node
names (autograd/Torch.java, nn/) are these; names.txt is the table they were taken from.
"""
import torch
import torch.nn.functional as F

torch.manual_seed(0)


def leaf(*shape):
    return torch.rand(*shape, requires_grad=True)


a, b = leaf(2, 3), leaf(2, 3)
m, v = leaf(3, 3), leaf(3)
img = leaf(1, 1, 4, 4)
CASES = [
    ("add tensor", lambda: a + b), ("add scalar", lambda: a + 1), ("radd scalar", lambda: 1 + a),
    ("sub tensor", lambda: a - b), ("sub scalar", lambda: a - 1), ("rsub scalar", lambda: 1 - a),
    ("mul tensor", lambda: a * b), ("mul scalar", lambda: a * 2),
    ("div tensor", lambda: a / b), ("div scalar", lambda: a / 2), ("rdiv scalar", lambda: 2 / a),
    ("remainder tensor", lambda: a % b), ("remainder scalar", lambda: a % 2),
    ("pow scalar", lambda: a ** 2), ("pow tensor", lambda: a ** b), ("rpow scalar", lambda: 2 ** a),
    ("neg", lambda: -a), ("abs", lambda: a.abs()), ("exp", lambda: a.exp()), ("log", lambda: a.log()),
    ("log2", lambda: a.log2()), ("log1p", lambda: a.log1p()), ("expm1", lambda: a.expm1()),
    ("sqrt", lambda: a.sqrt()), ("rsqrt", lambda: a.rsqrt()), ("sin", lambda: a.sin()),
    ("cos", lambda: a.cos()), ("tan", lambda: a.tan()), ("tanh", lambda: a.tanh()),
    ("sigmoid", lambda: a.sigmoid()), ("relu", lambda: a.relu()), ("leaky_relu", lambda: F.leaky_relu(a)),
    ("gelu", lambda: F.gelu(a)), ("softplus", lambda: F.softplus(a)),
    ("clamp", lambda: a.clamp(0.2, 0.8)), ("clamp min", lambda: a.clamp(min=0.2)),
    ("sign", lambda: a.sign()), ("floor", lambda: a.floor()), ("ceil", lambda: a.ceil()),
    ("round", lambda: a.round()), ("reciprocal", lambda: a.reciprocal()),
    ("maximum", lambda: torch.maximum(a, b)), ("minimum", lambda: torch.minimum(a, b)),
    ("where", lambda: torch.where(a > 0.5, a, b)),
    ("sum", lambda: a.sum()), ("sum dim", lambda: a.sum(1)), ("sum dim keepdim", lambda: a.sum(1, keepdim=True)),
    ("mean", lambda: a.mean()), ("mean dim", lambda: a.mean(1)),
    ("prod", lambda: a.prod()), ("prod dim", lambda: a.prod(1)),
    ("max", lambda: a.max()), ("max dim", lambda: a.max(1)[0]), ("min", lambda: a.min()), ("min dim", lambda: a.min(1)[0]),
    ("amax", lambda: a.amax(1)),
    ("var", lambda: a.var()), ("var dim", lambda: a.var(1)), ("std", lambda: a.std()), ("std dim", lambda: a.std(1)),
    ("logsumexp", lambda: a.logsumexp(1)), ("cumsum", lambda: a.cumsum(1)),
    ("norm", lambda: a.norm()), ("norm dim", lambda: a.norm(dim=1)), ("norm p=1", lambda: a.norm(1)),
    ("mm", lambda: a @ m), ("bmm", lambda: torch.bmm(a.unsqueeze(0), m.unsqueeze(0))),
    ("matmul 1d 1d (dot)", lambda: v @ v), ("matmul 2d 1d (mv)", lambda: m @ v),
    ("matmul 3d 2d", lambda: a.unsqueeze(0) @ m), ("matmul 1d 2d", lambda: v @ m),
    ("view", lambda: a.view(6)), ("reshape contiguous", lambda: a.reshape(6)),
    ("reshape non-contiguous", lambda: a.t().reshape(6)), ("flatten", lambda: a.flatten()),
    ("contiguous of t", lambda: a.t().contiguous()),
    ("t", lambda: a.t()), ("transpose", lambda: a.transpose(0, 1)), ("permute", lambda: a.permute(1, 0)),
    ("expand", lambda: v.expand(2, 3)), ("unsqueeze", lambda: a.unsqueeze(0)),
    ("squeeze", lambda: a.unsqueeze(0).squeeze()), ("squeeze dim", lambda: a.unsqueeze(0).squeeze(0)),
    ("select a[0]", lambda: a[0]), ("select a[0, 1]", lambda: a[0, 1]), ("slice a[0:1]", lambda: a[0:1]),
    ("slice a[:, 1:]", lambda: a[:, 1:]), ("narrow", lambda: a.narrow(1, 0, 2)),
    ("index a[[0, 1]]", lambda: a[[1, 0]]), ("index a[mask]", lambda: a[a > 0.5]),
    ("index a[tensor]", lambda: a[torch.tensor([1, 0])]),
    ("cat", lambda: torch.cat([a, b])), ("stack", lambda: torch.stack([a, b])),
    ("split", lambda: a.split(1)[0]), ("split sizes", lambda: a.split([1, 1])[0]), ("chunk", lambda: a.chunk(2)[0]),
    ("unbind", lambda: a.unbind()[0]),
    ("repeat", lambda: a.repeat(2, 1)), ("flip", lambda: a.flip(0)),
    ("gather", lambda: a.gather(1, torch.tensor([[0], [1]]))),
    ("scatter", lambda: a.scatter(1, torch.tensor([[0], [1]]), b)),
    ("scatter_add", lambda: a.scatter_add(1, torch.tensor([[0], [1]]), b)),
    ("index_select", lambda: a.index_select(0, torch.tensor([1]))),
    ("index_add", lambda: a.index_add(0, torch.tensor([1]), b[:1])),
    ("masked_fill", lambda: a.masked_fill(a > 0.5, 0.0)),
    ("topk", lambda: a.topk(2)[0]), ("sort", lambda: a.sort()[0]),
    ("softmax", lambda: a.softmax(1)), ("log_softmax", lambda: a.log_softmax(1)),
    ("clone", lambda: a.clone()), ("to double", lambda: a.double()), ("float of double", lambda: a.double().float()),
    ("zero_ on clone", lambda: a.clone().zero_()), ("fill_ on clone", lambda: a.clone().fill_(1.0)),
    ("copy_ on clone", lambda: a.clone().copy_(b)), ("setitem on clone", lambda: _setitem()),
    ("mul_ on clone", lambda: a.clone().mul_(2)),
    ("normal", lambda: torch.normal(a, 1.0)),
    ("as_strided", lambda: a.as_strided((2, 2), (1, 1))),
    ("detach then view", lambda: a.detach().requires_grad_().view(6)),
    ("F.linear with bias", lambda: F.linear(a, m, v)), ("F.linear no bias", lambda: F.linear(a, m)),
    ("F.linear 3d input", lambda: F.linear(a.unsqueeze(0), m, v)),
    ("conv2d", lambda: F.conv2d(img, leaf(2, 1, 3, 3), leaf(2))),
    ("max_pool2d", lambda: F.max_pool2d(img, 2)), ("avg_pool2d", lambda: F.avg_pool2d(img, 2)),
    ("pad", lambda: F.pad(a, (1, 1))),
    ("embedding", lambda: F.embedding(torch.tensor([0, 2]), m)),
    ("mse_loss", lambda: F.mse_loss(a, b)), ("l1_loss", lambda: F.l1_loss(a, b)),
    ("nll_loss", lambda: F.nll_loss(a.log_softmax(1), torch.tensor([0, 1]))),
    ("nll_loss 4d", lambda: F.nll_loss(leaf(1, 2, 2, 2).log_softmax(1), torch.tensor([[[0, 1], [1, 0]]]))),
    ("cross_entropy", lambda: F.cross_entropy(a, torch.tensor([0, 1]))),
    ("binary_cross_entropy", lambda: F.binary_cross_entropy(a, b.detach())),
    ("bce_with_logits", lambda: F.binary_cross_entropy_with_logits(a, b.detach())),
    ("smooth_l1_loss", lambda: F.smooth_l1_loss(a, b)), ("huber_loss", lambda: F.huber_loss(a, b)),
    ("kl_div", lambda: F.kl_div(a, b)),
    ("dropout train", lambda: F.dropout(a, 0.5, True)),
    ("layer_norm", lambda: F.layer_norm(a, (3,))),
    ("batch_norm train", lambda: F.batch_norm(a, None, None, training=True)),
    ("batch_norm eval", lambda: F.batch_norm(a, torch.zeros(3), torch.ones(3), training=False)),
    ("group_norm", lambda: F.group_norm(a.unsqueeze(-1), 3)),
    ("baddbmm", lambda: torch.baddbmm(a.unsqueeze(0), a.unsqueeze(0), m.unsqueeze(0))),
    ("triu", lambda: a.triu()), ("tril", lambda: a.tril()),
    ("addmm", lambda: torch.addmm(v, a, m)),
    ("silu", lambda: F.silu(a)), ("elu", lambda: F.elu(a)), ("hardtanh", lambda: F.hardtanh(a)),
    ("relu6", lambda: F.relu6(a)), ("softsign", lambda: F.softsign(a)), ("logsigmoid", lambda: F.logsigmoid(a)),
    ("cosine_similarity", lambda: F.cosine_similarity(a, b)),
    ("normalize", lambda: F.normalize(a)),
    ("einsum", lambda: torch.einsum("ij,jk->ik", a, m)),
]


def _setitem():
    c = a.clone()
    c[0] = 1.0
    return c


def name(out):
    return type(out.grad_fn).__name__


print("# torch", torch.__version__)
for label, f in CASES:
    try:
        out = f()
        print(f"{label}: {name(out)}")
    except Exception as e:  # an op this torch lacks: say so rather than stop
        print(f"{label}: ERROR {type(e).__name__}")
print(f"leaf's node (x.sum().grad_fn.next_functions): {name(a.sum()) and type(a.sum().grad_fn.next_functions[0][0]).__name__}")


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * x

    @staticmethod
    def backward(ctx, g):
        return g


print(f"autograd.Function Square: {name(Square.apply(a))}")
