import torch
a = torch.ones(2, 3)
b = a.expand(4, 3)
