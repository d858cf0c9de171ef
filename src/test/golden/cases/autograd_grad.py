import torch
from torch.autograd import grad
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = (x ** 3).sum()
g = grad(y, x)
print(g)
print(x.grad)
y2 = (x ** 3).sum()
gx = grad(y2, x)[0]
print(gx)
w = torch.tensor([0.5, -1.], requires_grad=True)
u = w * x[:2]
gw, gx2 = grad(u, [w, x], grad_outputs=torch.tensor([1., 2.]))
print(gw)
print(gx2)
d1 = grad((x ** 3).sum(), x, create_graph=True)[0]
print(d1)
d2 = grad(d1.sum(), x)[0]
print(d2)
z = (x * x).sum()
dz = grad(z, x, create_graph=True)[0]
print(dz)
dz.sum().backward()
print(x.grad)
