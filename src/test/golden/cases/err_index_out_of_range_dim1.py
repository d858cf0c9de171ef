import torch
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
print(x[-2, -3])
y = x[0, 3]
