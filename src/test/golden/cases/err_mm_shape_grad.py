import torch
w = torch.ones(3, 2, requires_grad=True)
x = torch.ones(4, 3)
print((x @ w).shape)
y = torch.mm(w, x)
