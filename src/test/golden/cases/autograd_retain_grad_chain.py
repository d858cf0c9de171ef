import torch
a = torch.tensor([[0.5, -1.2], [2.0, 1.5]], requires_grad=True)
b = a * a
b.retain_grad()
c = b.sum(dim=0)
c.retain_grad()
d = (c * torch.tensor([1., 10.])).sum()
d.retain_grad()
d.backward()
print(d.grad)
print(c.grad)
print(b.grad)
print(a.grad)
