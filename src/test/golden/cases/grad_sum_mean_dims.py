import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
w0 = torch.tensor([1., 2., 3.])
w1 = torch.tensor([[10.], [20.]])
s = x.sum()
print(s)
s.backward()
print(x.grad)
x.grad = None
s0 = x.sum(dim=0)
print(s0)
(s0 * w0).sum().backward()
print(x.grad)
x.grad = None
s1 = x.sum(dim=1, keepdim=True)
print(s1)
(s1 * w1).sum().backward()
print(x.grad)
x.grad = None
m = x.mean()
print(m)
m.backward()
print(x.grad)
x.grad = None
m0 = x.mean(dim=0)
print(m0)
(m0 * w0).sum().backward()
print(x.grad)
x.grad = None
m1 = x.mean(dim=-1)
print(m1)
m1.backward(torch.tensor([1., -1.]))
print(x.grad)
