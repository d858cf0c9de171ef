import torch
a = torch.arange(12.).view(3, 4)
i = torch.tensor([2, 0])
print(a[i])
print(a[i, :])
print(a[:, i])
print(a[torch.tensor([0, 1, 2]), torch.tensor([3, 2, 1])])
print(a[torch.tensor([[0, 1], [2, 2]])].shape)
print(a[torch.tensor([1, 1, 1])])
print(a[torch.tensor([-1])])
b = torch.tensor([10, 20, 30, 40])
print(b[torch.tensor([3, 0, 3])])
a[torch.tensor([0, 2])] = 5.
print(a)
