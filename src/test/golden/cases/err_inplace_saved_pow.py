import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
h = x * 1
y = h ** 2
h.mul_(3)
print(h)
y.sum().backward()
