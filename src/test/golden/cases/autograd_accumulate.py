import torch
x = torch.tensor([0.5, -1.2, 2.0], requires_grad=True)
(x * 2).sum().backward()
print(x.grad)
(x * x).sum().backward()
print(x.grad)
x.grad.zero_()
print(x.grad)
(x * 3).sum().backward()
print(x.grad)
x.grad = None
print(x.grad)
x.sum().backward()
print(x.grad)
