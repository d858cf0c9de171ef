# tdsl: hand-written twin
# LBFGS with a closure on a small least-squares problem (Rosenbrock-like), a few outer steps.
import torch
from torch import tensor, optim
x = tensor([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5], [-2.0, 1.0]])
y = tensor([1.0, -2.0, 0.25, 3.0])
w = tensor([0.1, -0.3], requires_grad=True)
b = tensor([0.0], requires_grad=True)
opt = optim.LBFGS([w, b], lr=0.5, max_iter=5, history_size=3)
print(opt)
def closure():
    opt.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean() + (w ** 4).sum()
    loss.backward()
    return loss
for i in range(4):
    loss = opt.step(closure)
    print(f"{loss.item():.5f}", w, b)
