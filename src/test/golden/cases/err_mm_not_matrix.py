import torch
v = torch.ones(3)
m = torch.ones(3, 3)
print(m @ v)
r = torch.mm(v, m)
