import torch
import torch.nn.functional as F
a = torch.tensor([[1., 2., 3.], [1., 1., 1.]])
print(a.softmax(dim=1))
print(torch.softmax(a, dim=0))
print(F.softmax(a, dim=-1))
print(a.log_softmax(dim=1))
print(F.log_softmax(a, dim=0))
print(torch.log_softmax(a, 1))
big = torch.tensor([1000., 1001., 1002.])
print(big.softmax(dim=0))
print(big.log_softmax(dim=0))
print(torch.nn.functional.softmax(torch.tensor([0., 0.]), dim=0))
print(a.softmax(dim=1).sum(dim=1))
