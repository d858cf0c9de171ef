import torch
a = torch.tensor([[0.5, -1.2], [2.0, 1.5]], requires_grad=True)
b = torch.tensor([[0.3, -0.7]], requires_grad=True)
w = torch.tensor([[1., 2.], [3., 4.], [5., 6.]])
c = torch.cat([a, b])
print(c)
(c * w).sum().backward()
print(a.grad)
print(b.grad)
a.grad = None
s = torch.stack([a, a * 2], dim=1)
print(s)
(s * torch.arange(8.).view(2, 2, 2)).sum().backward()
print(a.grad)
a.grad = None
r = a.repeat(2, 3)
print(r)
(r * torch.arange(24.).view(4, 6)).sum().backward()
print(a.grad)
