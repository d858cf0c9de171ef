import torch
print(torch.arange(2000))
print(torch.arange(1001.))
print(torch.arange(1000.))
print(torch.arange(3000).view(3, 1000))
print(torch.ones(40, 40))
print(torch.arange(2400.).view(2, 30, 40) / 4)
