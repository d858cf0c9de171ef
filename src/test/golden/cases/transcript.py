from torch import tensor, eye
from torch.autograd import backward
x = tensor(10., requires_grad=True)
y = tensor(20., requires_grad=True)
z = x * y
print("z =", z, "requires_grad =", z.requires_grad)
backward(z, tensor(2.))          # same as z.backward(tensor(2.))
print(x.grad, y.grad)

a = tensor([[100., 200.], [300., 400.]], requires_grad=True)
b = tensor([[8., 7.], [6., 5.]], requires_grad=True)
c = eye(2, requires_grad=False) * 3
d = a.matmul(b)                   # same as a @ b, matmul(a, b)
backward(d, tensor([[10., 20.], [30., 40.]]))
print(d)
print(a.grad)
print(b.grad)
print(c.grad)
