# tdsl: hand-written twin
from torch import tensor, no_grad, enable_grad
w = tensor([0.5, -1.0], requires_grad=True)
with no_grad():
    a = w * 3
print(a, a.requires_grad)
with no_grad():
    with enable_grad():
        b = w * 3
print(b)
with enable_grad():
    c = w.sum()
print(c)
with no_grad():
    w.mul_(2)
print(w)
