import torch
a = torch.arange(6.)
v = a.view(2, 3)
print(v)
v[0, 0] = 100.
print(a)
r = a.reshape(3, 2)
r[2, 1] = -1.
print(a)
print(a.view(-1, 2))
print(a.view(3, -1))
print(a.reshape(-1))
print(v.flatten())
print(torch.flatten(torch.zeros(2, 2, 2), 1))
print(torch.arange(24).view(2, 3, 4).reshape(6, 4))
print(a.view(1, 6).shape)
