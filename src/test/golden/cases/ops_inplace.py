import torch
a = torch.tensor([1., 2., 3.])
a.add_(1)
print(a)
a.add_(torch.tensor([10., 20., 30.]))
print(a)
a.mul_(2)
print(a)
a.mul_(torch.tensor([0.5, 1., 2.]))
print(a)
a.fill_(4.)
print(a)
a.zero_()
print(a)
b = torch.ones(2, 2)
b += 1
print(b)
b -= torch.tensor([0.5, 1.])
print(b)
b *= 3
print(b)
b /= 2
print(b)
r = b.add_(1)
print(r)
i = torch.tensor([1, 2])
i += 3
print(i)
