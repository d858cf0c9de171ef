import torch
x = torch.zeros(3, 4)
x[0, 1:3] = 0.5
print(x)
x[1] = 7.
print(x)
x[:, 0] = torch.tensor([1., 2., 3.])
print(x)
x[..., -1] = -1.
print(x)
x[2, 2] = 9
print(x)
x[1:, 1:3] = torch.tensor([[10., 20.], [30., 40.]])
print(x)
x[:, 3] = torch.tensor(4.)
print(x)
n = torch.zeros(4, dtype=torch.int64)
n[1] = 5
n[2:] = 3
print(n)
x[0] = torch.tensor([1., 2., 3., 4.])
print(x)
