import torch
a = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
print(a.cumsum(dim=0))
print(a.cumsum(dim=1))
print(torch.cumsum(a, dim=-1))
print(torch.tensor([1, 2, 3, 4]).cumsum(0))
