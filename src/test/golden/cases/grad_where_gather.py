import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
y = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
w = torch.where(x > 0, x, y)
print(w)
(w * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
print(y.grad)
x.grad = None
mf = x.masked_fill(x < 0, 0.)
print(mf)
mf.sum().backward()
print(x.grad)
x.grad = None
g = x.gather(1, torch.tensor([[2, 0, 2], [1, 1, 1]]))
print(g)
g.sum().backward()
print(x.grad)
