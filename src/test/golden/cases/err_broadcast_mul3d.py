import torch
a = torch.ones(2, 3, 4)
b = torch.ones(3, 5)
c = a * b
