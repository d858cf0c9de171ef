import torch
import torch.nn.functional as F
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
t = torch.tensor([[1., 0., 2.], [1., 1., -1.]])
l = F.mse_loss(x, t)
print(l)
l.backward()
print(x.grad)
x.grad = None
y = torch.tensor([2, 0])
ce = F.cross_entropy(x, y)
print(ce)
ce.backward()
print(x.grad)
x.grad = None
nll = F.nll_loss(F.log_softmax(x, dim=1), torch.tensor([1, 2]))
print(nll)
nll.backward()
print(x.grad)
x.grad = None
lp = torch.tensor([[-0.5, -1.0, -2.0], [-3.0, -0.1, -0.2]], requires_grad=True)
n = F.nll_loss(lp, torch.tensor([0, 2]))
print(n)
n.backward()
print(lp.grad)
s = F.mse_loss(x, t, reduction='sum')
print(s)
s.backward()
print(x.grad)
