import torch
x = torch.tensor([[0.5, -1.2, 0.0], [1.5, 1.0, -0.7]], requires_grad=True)
y = x.relu()
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
c = x.clamp(-1., 1.)
print(c)
c.sum().backward()
print(x.grad)
x.grad = None
c = torch.clamp(x, min=0.3)
print(c)
c.sum().backward()
print(x.grad)
x.grad = None
c = x.clamp(max=0.5)
print(c)
(c * 2).sum().backward()
print(x.grad)
