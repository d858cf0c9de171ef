import torch
from torch.autograd import grad
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.tensor([3., 4.], requires_grad=True)
z = (x * 2).sum()
g = grad(z, [x, y])
