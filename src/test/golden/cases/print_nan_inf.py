import torch
a = torch.tensor([1., -1., 0.]) / 0
print(a)
b = torch.tensor([1.5, 2., 0.]) / torch.tensor([1., 0., 0.])
print(b)
print(torch.tensor([1., 2., 3.]) / torch.tensor([0., 1., 1.]))
print(torch.log(torch.tensor([0., 1., -1.])))
print(torch.sqrt(torch.tensor([-4., 4.])))
print(torch.exp(torch.tensor([100., 0.])))
