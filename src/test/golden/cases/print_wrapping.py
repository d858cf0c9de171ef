import torch
print(torch.arange(30.))
print(torch.arange(40))
print(torch.linspace(0, 1, 20))
print(torch.arange(24.).view(2, 12) / 7)
print(torch.arange(100).view(4, 25))
