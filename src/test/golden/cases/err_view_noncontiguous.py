import torch
x = torch.arange(6.).view(2, 3)
t = x.t()
print(t.reshape(6))
v = t.view(6)
