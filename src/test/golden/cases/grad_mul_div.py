import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
y = torch.tensor([[1.0, 2.0, -4.0], [4.0, 0.5, 2.0]], requires_grad=True)
z = x * y
print(z)
z.sum().backward()
print(x.grad)
print(y.grad)
x.grad = None
y.grad = None
q = x / y
print(q)
q.sum().backward()
print(x.grad)
print(y.grad)
x.grad = None
r = 1 / x
print(r)
r.sum().backward()
print(x.grad)
x.grad = None
s = x * 3 / 2
print(s)
s.sum().backward()
print(x.grad)
