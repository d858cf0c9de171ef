# tdsl: hand-written twin
# Optimizer state_dict / load_state_dict for every optimizer: the saved state, and a fresh optimizer continuing from it.
import torch
from torch import tensor, optim
def make(name, ps):
    if name == "adam": return optim.Adam(ps, lr=0.1, amsgrad=True)
    if name == "sgdm": return optim.SGD(ps, lr=0.1, momentum=0.9)
    if name == "sgd": return optim.SGD(ps, lr=0.1)
    if name == "rms": return optim.RMSprop(ps, momentum=0.5, centered=True)
    if name == "adadelta": return optim.Adadelta(ps)
    return optim.Adagrad(ps)
for name in ["adam", "sgdm", "sgd", "rms", "adadelta", "adagrad"]:
    w = tensor([1.0, -2.0], requires_grad=True)
    v = tensor([0.5], requires_grad=True)
    o = make(name, [{"params": [w]}, {"params": [v], "lr": 0.5}])
    for i in range(2):
        o.zero_grad()
        ((w * w * w).sum() + (v * 3).sum()).backward()
        o.step()
    sd = o.state_dict()
    print(sd)
    o2 = make(name, [{"params": [w]}, {"params": [v], "lr": 0.05}])
    o2.load_state_dict(sd)
    print(o2.param_groups[1]["lr"], o2.state_dict()["state"] == {} )
    o2.step()
    print(w, v)
