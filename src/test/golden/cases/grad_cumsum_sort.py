import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
c = x.cumsum(dim=1)
print(c)
(c * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
v, i = x.sort(dim=1)
print(v)
(v * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
v, i = x.topk(2, dim=1)
print(v)
(v * torch.tensor([1., 10.])).sum().backward()
print(x.grad)
