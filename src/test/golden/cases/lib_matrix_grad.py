import torch
a = torch.tensor([[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]], requires_grad=True)
w = torch.tensor([[0.5, -1., 2.], [1.5, 0.25, -0.5], [1., 2., 3.]])
(torch.triu(a, 1) * w).sum().backward()
print(a.grad)
a.grad = None
(torch.tril(a) * w).sum().backward()
print(a.grad)
a.grad = None
(torch.diag(a, -1) * torch.tensor([2., 3.])).sum().backward()
print(a.grad)
a.grad = None
torch.trace(a).backward()
print(a.grad)
a.grad = None
v = torch.tensor([1., -2.], requires_grad=True)
(torch.diag(v, 1) * w).sum().backward()
print(v.grad)
b = torch.tensor([[1., 0.], [0.5, 2.], [-1., 1.]], requires_grad=True)
c = torch.ones(3, 2, requires_grad=True)
(torch.addmm(c, a, b, beta=0.5, alpha=2.0) * torch.tensor([[1., 2.], [3., 4.], [5., 6.]])).sum().backward()
print(a.grad)
print(b.grad)
print(c.grad)
a.grad = None
b.grad = None
(torch.einsum("ij,jk->ik", a, b) ** 2).sum().backward()
print(a.grad)
print(b.grad)
a.grad = None
torch.einsum("ii->i", a).pow(2).sum().backward()
print(a.grad)
p = torch.arange(12.).view(2, 2, 3).requires_grad_()
q = torch.arange(12.).view(2, 3, 2).requires_grad_()
r = torch.ones(2, 2, 2, requires_grad=True)
torch.baddbmm(r, p, q, alpha=0.5).sum().backward()
print(p.grad)
print(q.grad)
print(r.grad)
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = torch.tensor([-1., 0.5, 2.], requires_grad=True)
torch.einsum("i,j->ij", x, y).sum().backward()
print(x.grad, y.grad)
x.grad = None
torch.einsum("i,i->", x, x).backward()
print(x.grad)
