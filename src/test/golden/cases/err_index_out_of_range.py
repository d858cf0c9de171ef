import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
print(x[1, 2])
y = x[2]
