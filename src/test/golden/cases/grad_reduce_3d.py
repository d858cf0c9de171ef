import torch
x = torch.tensor([[[1., 8., 3.], [4., 2., 9.]], [[7., 5., 6.], [0., 11., 10.]]], requires_grad=True)
w = torch.arange(12.).view(2, 2, 3)
s = x.sum(dim=1)
print(s)
(s * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
m = x.mean(dim=2, keepdim=True)
print(m)
(m * torch.tensor([[[1.], [2.]], [[3.], [4.]]])).sum().backward()
print(x.grad)
x.grad = None
v, i = x.max(dim=0)
print(v)
(v * w[0]).sum().backward()
print(x.grad)
x.grad = None
v, i = x.min(dim=2, keepdim=True)
v.sum().backward()
print(x.grad)
x.grad = None
s2 = x.sum(dim=(0, 2))
print(s2)
(s2 * torch.tensor([1., -1.])).sum().backward()
print(x.grad)
