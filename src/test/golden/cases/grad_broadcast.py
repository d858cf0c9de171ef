import torch
a = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
r = torch.tensor([1., 2., 3.], requires_grad=True)
c = torch.tensor([[2.], [-1.]], requires_grad=True)
s = torch.tensor(4., requires_grad=True)
y = a * r + c
print(y)
y.sum().backward()
print(a.grad)
print(r.grad)
print(c.grad)
r.grad = None
c.grad = None
z = c * r
print(z)
(z * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print(c.grad)
print(r.grad)
q = a / s - s
print(q)
q.sum().backward()
print(s.grad)
b3 = torch.tensor([[[1.]], [[2.]]], requires_grad=True)
o = (b3 * a).sum()
print(o)
o.backward()
print(b3.grad)
