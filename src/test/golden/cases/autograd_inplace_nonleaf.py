import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
y.add_(1)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
z = x * 1
z[0] = 10.
print(z)
(z * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
w = x + 0
w.mul_(x)
print(w)
w.sum().backward()
print(x.grad)
