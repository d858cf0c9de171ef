import torch
x = torch.tensor([0.5, -1.2, 2.0, 0.0], requires_grad=True)
y = x.sin()
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = torch.cos(x)
print(y)
y.sum().backward()
print(x.grad)
