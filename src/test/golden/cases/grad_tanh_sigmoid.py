import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.0, -0.7]], requires_grad=True)
y = x.tanh()
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
s = torch.sigmoid(x)
print(s)
s.sum().backward()
print(x.grad)
