import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
w = torch.arange(6.)
v = x.view(6)
print(v)
(v * w).sum().backward()
print(x.grad)
x.grad = None
r = x.reshape(3, 2)
# 1.13 names this node ReshapeAliasBackward0, 2.x ViewBackward0: print values only
print(r.detach())
(r * w.view(3, 2)).sum().backward()
print(x.grad)
x.grad = None
t = x.t()
print(t)
(t * w.view(3, 2)).sum().backward()
print(x.grad)
x.grad = None
tr = x.transpose(0, 1)
(tr * w.view(3, 2)).sum().backward()
print(x.grad)
x.grad = None
p = x.unsqueeze(0).permute(2, 0, 1)
print(p.shape)
(p * w.view(3, 1, 2)).sum().backward()
print(x.grad)
x.grad = None
e = x[0].unsqueeze(0).expand(4, 3)
print(e)
(e * torch.arange(12.).view(4, 3)).sum().backward()
print(x.grad)
x.grad = None
sq = x.view(1, 2, 1, 3).squeeze()
print(sq)
(sq * w.view(2, 3)).sum().backward()
print(x.grad)
