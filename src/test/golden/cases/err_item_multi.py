import torch
x = torch.tensor([1., 2.])
print(x[0].item())
v = x.item()
