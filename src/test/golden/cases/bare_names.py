from torch import tensor, zeros, ones, arange, eye, full, matmul, softmax, cat, stack, where, exp, relu, maximum
from torch.autograd import backward
a = tensor([[1., 2.], [3., 4.]], requires_grad=True)
b = ones(2, 2) * 2
print(zeros(2), full((2,), 5.), eye(2), arange(3))
c = matmul(a, b)
print(c)
print(softmax(tensor([0., 1.]), dim=0))
print(cat([a, b], dim=1))
print(stack([b, b]).shape)
print(where(a > 2, a, b))
e = exp(tensor([0., 1.]))
print(e)
r = relu(tensor([-1., 1.]))
print(r)
print(maximum(a, b))
backward(c, ones(2, 2))
print(a.grad)
