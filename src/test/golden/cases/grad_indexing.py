import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
s = x[1, 1:]
print(s)
(s * torch.tensor([10., 20.])).sum().backward()
print(x.grad)
x.grad = None
e = x[0, 2]
print(e)
e.backward()
print(x.grad)
x.grad = None
m = x[x > 0]
print(m)
(m * torch.tensor([1., 2., 3., 4.])).sum().backward()
print(x.grad)
x.grad = None
g = x[torch.tensor([1, 1, 0])]
print(g)
g.sum().backward()
print(x.grad)
x.grad = None
c = x[:, torch.tensor([2, 2])]
c.sum().backward()
print(x.grad)
x.grad = None
st = x[:, ::2]
print(st)
st.sum().backward()
print(x.grad)
x.grad = None
d = x[..., -1]
(d * 5).sum().backward()
print(x.grad)
