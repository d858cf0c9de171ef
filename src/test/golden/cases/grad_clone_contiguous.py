import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
c = x.clone()
print(c)
(c * 2).sum().backward()
print(x.grad)
x.grad = None
t = x.t().contiguous()
print(t.is_contiguous())
(t * torch.tensor([[1., 2.], [3., 4.], [5., 6.]])).sum().backward()
print(x.grad)
x.grad = None
d = x.detach() * x
d.sum().backward()
print(x.grad)
x.grad = None
y = x.float()
print(y.requires_grad)
