import torch
import torch.nn.functional as F
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
w = torch.tensor([[1., 2., 3.], [-1., 0., 1.]])
s = x.softmax(dim=1)
print(s)
(s * w).sum().backward()
print(x.grad)
x.grad = None
s0 = F.softmax(x, dim=0)
print(s0)
(s0 * w).sum().backward()
print(x.grad)
x.grad = None
l = x.log_softmax(dim=1)
print(l)
(l * w).sum().backward()
print(x.grad)
x.grad = None
l0 = F.log_softmax(x, dim=0)
(l0 * w).sum().backward()
print(x.grad)
