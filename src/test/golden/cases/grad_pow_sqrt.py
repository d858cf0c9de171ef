import torch
x = torch.tensor([0.5, 1.5, 2.0, 3.0], requires_grad=True)
y = x ** 2
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = x.pow(3)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = 2 ** x
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
e = torch.tensor([2., 0.5, 1., -1.], requires_grad=True)
y = x ** e
print(y)
y.sum().backward()
print(x.grad)
print(e.grad)
x.grad = None
y = x.sqrt()
print(y)
y.sum().backward()
print(x.grad)
