# BatchNorm1d/2d (train and eval, running statistics, momentum=None), LayerNorm, GroupNorm.
import torch
import torch.nn as nn
import torch.nn.functional as F

bn = nn.BatchNorm1d(3)
print(bn)
print(list(bn.state_dict().keys()), bn.num_batches_tracked)
bn.load_state_dict({"weight": torch.tensor([1.0, 2.0, 0.5]), "bias": torch.tensor([0.0, 0.1, -0.2]), "running_mean": torch.zeros(3), "running_var": torch.ones(3), "num_batches_tracked": torch.tensor(0)})
x = torch.tensor([[1.0, 2.0, 0.0], [3.0, 5.0, 1.0], [0.0, -1.0, 4.0], [2.0, 2.0, 2.0]], requires_grad=True)
print(bn(x).detach())
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
(bn(x) * torch.tensor([[1.0, -2.0, 3.0], [0.5, 1.0, 2.0], [-1.0, 0.0, 1.0], [2.0, 2.0, -3.0]])).sum().backward()
print(x.grad, bn.weight.grad, bn.bias.grad)
print(bn.training, bn.eval().training)
print(bn(x).detach())
bn2 = nn.BatchNorm2d(2, momentum=None, affine=False)
print(bn2, [name for name, _ in bn2.named_parameters()])
img = torch.arange(2 * 2 * 2 * 3, dtype=torch.float32).reshape(2, 2, 2, 3) ** 1.5 / 10
print(bn2(img).detach())
bn2(img * 2)
print(bn2.running_mean, bn2.running_var, bn2.num_batches_tracked)
print(nn.BatchNorm1d(4, track_running_stats=False).eval()(torch.tensor([[1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 0.0, 1.0]])).detach())
print(F.batch_norm(img, torch.zeros(2), torch.ones(2), training=False))
ln = nn.LayerNorm(3)
print(ln, nn.LayerNorm([2, 3], eps=1e-3, elementwise_affine=False))
ln.load_state_dict({"weight": torch.tensor([1.0, 2.0, 0.5]), "bias": torch.tensor([0.0, 0.1, -0.2])})
print(ln(x).detach())
print(F.layer_norm(img, [2, 3]).detach())
gn = nn.GroupNorm(2, 4)
print(gn)
g = torch.arange(2 * 4 * 3, dtype=torch.float32).reshape(2, 4, 3) ** 2 / 50
gn.load_state_dict({"weight": torch.tensor([1.0, 2.0, 0.5, -1.0]), "bias": torch.tensor([0.0, 0.1, -0.2, 0.3])})
print(gn(g).detach())
print(F.group_norm(g, 1).detach())
print(nn.BatchNorm2d(3)(torch.zeros(2, 3, 4)))
