import torch
x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.5, -0.5]], requires_grad=True)
v = x.var()
print(v)
v.backward()
print(x.grad)
x.grad = None
s = x.std(dim=1)
print(s)
s.sum().backward()
print(x.grad)
x.grad = None
v0 = x.var(dim=0, unbiased=False)
print(v0)
v0.sum().backward()
print(x.grad)
