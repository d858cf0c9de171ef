# Reference for autograd_function.tdsl: run with /usr/bin/python3 (torch 1.13).
import torch
from torch.autograd import Function


class LegendrePolynomial3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)


P3 = LegendrePolynomial3.apply
x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = P3(x)
print(y)
print(type(y.grad_fn).__name__)
y.sum().backward()
print(x.grad)
print(P3(torch.tensor([1.0, 2.0])))


class ScaleBy(Function):
    @staticmethod
    def forward(ctx, a, k, b):
        ctx.k = k
        ctx.save_for_backward(a, b)
        print(ctx.needs_input_grad)
        return a * k + b * b, a - b

    @staticmethod
    def backward(ctx, g1, g2):
        a, b = ctx.saved_tensors
        return g1 * ctx.k + g2, None, 2 * b * g1 - g2


a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
u, v = ScaleBy.apply(a, 3.0, b)
print(u, v)
(u.sum() + (v * v).sum()).backward()
print(a.grad, b.grad)

c = torch.tensor([1.0, 2.0], requires_grad=True)
d = c * 1
w = P3(d)
d.add_(1)
try:
    w.sum().backward()
except RuntimeError as e:
    print(str(e).split(";")[0])


class WrongCount(Function):
    @staticmethod
    def forward(ctx, input):
        return input * 2

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output, grad_output


try:
    WrongCount.apply(torch.ones(2, requires_grad=True)).sum().backward()
except RuntimeError as e:
    print(e)
