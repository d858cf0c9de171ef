import torch
a = torch.ones(3)
b = torch.ones(2, 3)
b += a
print(b)
a += b
