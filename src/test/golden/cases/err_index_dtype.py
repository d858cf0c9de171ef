import torch
x = torch.tensor([10., 20., 30.])
i = torch.tensor([0., 1.])
y = x[i]
