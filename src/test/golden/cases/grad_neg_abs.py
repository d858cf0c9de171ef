import torch
x = torch.tensor([[0.5, -1.2, 0.0], [1.5, 0.3, -0.7]], requires_grad=True)
y = -x
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = x.abs()
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
y = torch.abs(x * 2) * torch.tensor([1., 2., 3.])
print(y)
y.sum().backward()
print(x.grad)
