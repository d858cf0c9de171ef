import torch
a = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
print(a.gather(1, torch.tensor([[2, 0], [1, 1]])))
print(torch.gather(a, 0, torch.tensor([[1, 0, 1]])))
cond = a > 3
print(torch.where(cond, a, torch.zeros(2, 3)))
print(torch.where(cond, a, -a))
print(torch.where(a > 2, torch.tensor([10., 20., 30.]), a))
print(torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), torch.tensor([3, 4])))
print(a.masked_fill(cond, 0.))
print(a.masked_fill(a < 2, -1.))
print(torch.masked_fill(a, torch.tensor([True, False, True]), 9.))
