# tdsl: hand-written twin
# Parameter groups (per-group options, live lr edits, add_param_group), Adagrad, and every scheduler.
import torch
from torch import tensor, optim
w = tensor([1.0, -2.0], requires_grad=True)
v = tensor([0.5], requires_grad=True)
opt = optim.SGD([{"params": [w]}, {"params": [v], "lr": 0.5, "weight_decay": 0.1}], lr=0.1, momentum=0.9)
print(opt)
print(opt.param_groups[1])
for i in range(3):
  opt.zero_grad()
  ((w * w).sum() + (v * 3).sum()).backward()
  opt.step()
  opt.param_groups[0]["lr"] = opt.param_groups[0]["lr"] * 0.5
print(w, v)
a = optim.Adam([w], lr=0.1)
s = optim.lr_scheduler.OneCycleLR(a, max_lr=0.5, total_steps=10)
lrs = []
for i in range(10): a.step(); s.step(); lrs.append(round(s.get_last_lr()[0], 6))
print(lrs, a.param_groups[0]["betas"])
a = optim.Adagrad([w, v], weight_decay=0.1)
print(a)
a.add_param_group({"params": tensor([1.0], requires_grad=True), "lr": 1.0})
print(len(a.param_groups), a.param_groups[1]["lr"], a.param_groups[1]["lr_decay"])
def decay(e): return 1 / (e + 1)
for name in ["step", "multi", "exp", "cos", "lambda"]:
  o = optim.SGD([w], lr=0.1)
  if name == "step": sch = optim.lr_scheduler.StepLR(o, 2, gamma=0.5)
  if name == "multi": sch = optim.lr_scheduler.MultiStepLR(o, [1, 3, 3])
  if name == "exp": sch = optim.lr_scheduler.ExponentialLR(o, 0.9)
  if name == "cos": sch = optim.lr_scheduler.CosineAnnealingLR(o, 3, eta_min=0.01)
  if name == "lambda": sch = optim.lr_scheduler.LambdaLR(o, decay)
  out = []
  for i in range(8): o.step(); sch.step(); out.append(sch.get_last_lr()[0])
  print(name, out)
o = optim.SGD([w], lr=1.0)
sch = optim.lr_scheduler.ReduceLROnPlateau(o, patience=1, factor=0.5)
for m in [5, 4, 4, 4, 4, 3, 3, 3]: sch.step(m); print(o.param_groups[0]["lr"], end=" ")
print()
q = tensor([1.0, -2.0, 0.5], requires_grad=True)
ada = optim.Adagrad([q], lr=0.3, lr_decay=0.1, weight_decay=0.05, initial_accumulator_value=0.2)
for i in range(4):
  ada.zero_grad()
  (q * q * q).sum().backward()
  ada.step()
print(q)
