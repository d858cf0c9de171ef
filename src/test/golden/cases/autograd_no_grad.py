# tdsl: hand-written twin
import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.no_grad():
    y = x * 2
    print(y)
    print(y.requires_grad)
    x -= 0.5
    with torch.enable_grad():
        z = x * 2
        print(z)
print(x)
print(x.requires_grad, x.is_leaf)
w = x * 2
print(w.requires_grad)
z.sum().backward()
print(x.grad)
with torch.no_grad():
    x.grad.zero_()
    x.add_(1)
print(x.grad)
print(x)
