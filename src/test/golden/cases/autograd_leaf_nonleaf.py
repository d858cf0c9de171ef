import torch
x = torch.tensor([1., 2.], requires_grad=True)
c = torch.tensor([3., 4.])
y = x * 2
z = y.sum()
print(x.is_leaf, y.is_leaf, z.is_leaf, c.is_leaf)
print(x.requires_grad, y.requires_grad, c.requires_grad)
print(x.grad_fn)
print(c.grad_fn)
y.retain_grad()
z.backward()
print(x.grad)
print(y.grad)
print(z.grad)
print(c.grad)
w = x * c
print(w.requires_grad)
print((c * 2).requires_grad)
print(x.detach().is_leaf)
