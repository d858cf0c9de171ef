import torch
from torch.autograd import backward
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * x
y.backward(torch.tensor([[1., 0.], [0.5, -1.]]))
print(x.grad)
x.grad = None
z = x * 3
backward(z, torch.ones(2, 2))
print(x.grad)
x.grad = None
s = (x * 2).sum()
s.backward(torch.tensor(5.))
print(x.grad)
x.grad = None
v = x[0]
v.backward(gradient=torch.tensor([7., 8.]))
print(x.grad)
