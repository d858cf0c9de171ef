import torch
x = torch.tensor([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]])
mask = x > 0
print(mask)
print(x[mask])
print(x[x < 0])
print(x[torch.tensor([True, False])])
print(x[:, torch.tensor([True, False, True])])
x[mask] = 0.
print(x)
y = torch.arange(6)
y[y % 2 == 0] = -1
print(y)
print(torch.tensor([1., 2., 3.])[torch.tensor([False, False, False])])
