import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
y = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
z = x + y
print(z)
z.sum().backward()
print(x.grad)
print(y.grad)
x.grad = None
y.grad = None
w = x - y
print(w)
(w * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print(x.grad)
print(y.grad)
a = torch.tensor([1., 2.], requires_grad=True)
b = 3 - a + 1
print(b)
b.sum().backward()
print(a.grad)
c = torch.add(a, a)
print(c)
c.sum().backward()
print(a.grad)
