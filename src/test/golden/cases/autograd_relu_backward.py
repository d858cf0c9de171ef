import torch
from torch.autograd import grad
# relu's gradient passes g where the output is positive, 0 elsewhere (0 at x = 0 too)
x = torch.tensor([[-2., 0., 3.], [1.5, -0.5, 4.]], requires_grad=True)
y = torch.relu(x)
y.backward(torch.tensor([[1., 2., 3.], [4., 5., 6.]]))
print(x.grad)
# a second backward through another relu accumulates
torch.relu(x * 2).sum().backward()
print(x.grad)
# with create_graph the backward is itself recorded: d/dx of relu(x)^2's gradient
z = torch.tensor([-1., 2., 0.5], requires_grad=True)
g = grad((torch.relu(z) ** 2).sum(), z, create_graph=True)[0]
print(g.detach(), g.requires_grad)
g.sum().backward()
print(z.grad)
