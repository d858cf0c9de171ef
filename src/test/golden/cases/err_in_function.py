# tdsl: hand-written twin
import torch
def layer(x, w):
    h = x @ w
    return h.relu()

w = torch.ones(3, 2)
print(layer(torch.ones(4, 3), w))
out = layer(torch.ones(4, 2), w)
