import torch
x = torch.arange(6.)
v = x.view(4, -1)
