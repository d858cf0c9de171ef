import torch
from torch.autograd import backward
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = (x * x).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
z = x.exp().sum()
backward(z, retain_graph=True)
x.grad = None
z.backward()
print(x.grad)
