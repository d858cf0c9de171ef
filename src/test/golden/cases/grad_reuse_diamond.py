import torch
x = torch.tensor([0.5, -1.2, 2.0], requires_grad=True)
y = x * x + x
print(y)
y.sum().backward()
print(x.grad)
a = torch.tensor(3., requires_grad=True)
b = a * 2
c = a * 5
d = b * c
print(d)
d.backward()
print(a.grad)
u = torch.tensor([1., 2.], requires_grad=True)
v = u.exp()
w = v * v.log()
print(w)
w.sum().backward()
print(u.grad)
