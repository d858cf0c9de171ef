import torch
a = torch.arange(12.).view(3, 4)
b = a[1:, ::2]
print(b)
b[0, 0] = 100.
print(a)
a[:, 1].fill_(0.)
print(a)
a[2].zero_()
print(a)
c = a.clone()
c[0, 0] = -1.
print(a[0, 0], c[0, 0])
d = a.detach()
d[0, 0] = 7.
print(a[0])
row = a[0]
row += 1
print(a)
col = a[:, 3]
col.mul_(2)
print(a)
print(a[::2, ::3])
