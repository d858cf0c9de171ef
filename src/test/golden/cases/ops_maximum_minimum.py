import torch
a = torch.tensor([1., 5., -3., 2.])
b = torch.tensor([2., 4., -1., 2.])
print(torch.maximum(a, b))
print(torch.minimum(a, b))
print(a.maximum(b))
print(a.minimum(b))
print(torch.maximum(torch.tensor([1, 7]), torch.tensor([3, 2])))
