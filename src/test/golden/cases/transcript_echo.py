import torch
# The REPL echo of `x.grad, y.grad`, as a script prints it.
x = torch.tensor(10., requires_grad=True)
y = torch.tensor(20., requires_grad=True)
z = x * y
z.backward(torch.tensor(2.))
print((x.grad, y.grad))
pair = x.grad, y.grad
print(pair)
print([x.grad, y.grad])
print(x.grad.item(), y.grad.item())
