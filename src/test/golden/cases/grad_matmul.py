import torch
a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.5]], requires_grad=True)
b = torch.tensor([[1.0, 2.0], [0.0, -1.0], [3.0, 0.5]], requires_grad=True)
c = a @ b
print(c)
c.sum().backward()
print(a.grad)
print(b.grad)
a.grad = None
b.grad = None
d = torch.mm(a, b)
d.backward(torch.tensor([[1., 0.], [0., 2.]]))
print(a.grad)
print(b.grad)
v = torch.tensor([1., 2., 3.], requires_grad=True)
w = torch.tensor([-1., 0.5, 2.], requires_grad=True)
dot = v @ w
print(dot)
dot.backward()
print(v.grad)
print(w.grad)
v.grad = None
mv = a.detach() @ v
print(mv)
mv.sum().backward()
print(v.grad)
p = torch.arange(12.).view(2, 2, 3).requires_grad_()
q = torch.arange(12.).view(2, 3, 2).requires_grad_()
r = torch.bmm(p, q)
print(r)
r.sum().backward()
print(p.grad)
print(q.grad)
n = torch.tensor([[1., 2.], [3., 4.], [5., 6.]], requires_grad=True)
s = p.detach() @ n
s.sum().backward()
print(n.grad)
