import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
m = x.max()
print(m)
m.backward()
print(x.grad)
x.grad = None
m = x.min()
print(m)
m.backward()
print(x.grad)
x.grad = None
v, i = x.max(dim=1)
print(v)
print(i)
(v * torch.tensor([1., 10.])).sum().backward()
print(x.grad)
x.grad = None
v, i = x.min(dim=0, keepdim=True)
print(v)
print(i)
v.sum().backward()
print(x.grad)
x.grad = None
a = torch.maximum(x, torch.tensor([0., 0., 0.]))
print(a)
a.sum().backward()
print(x.grad)
