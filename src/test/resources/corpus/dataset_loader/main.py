# A map-style Dataset subclass, a DataLoader over it, a scheduler, and saving/restoring weights.
import torch
import torch.nn as nn
from torch.utils.data import Dataset, DataLoader
from torch.optim.lr_scheduler import StepLR


class Parabola(Dataset):
    """Points (x, x^2 - 1) on a grid; item i is a pair of 1-element tensors."""

    def __init__(self, n):
        self.xs = [-1 + 2 * i / (n - 1) for i in range(n)]

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        x = self.xs[i]
        return torch.tensor([x]), torch.tensor([x * x - 1])


data = Parabola(40)
print(len(data), data[0], data[len(data) - 1])
try:
    data.xs[100]
except IndexError as e:
    print("IndexError:", e)

loader = DataLoader(data, batch_size=8, shuffle=True)
model = nn.Sequential(nn.Linear(1, 12), nn.ReLU(), nn.Linear(12, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.2)
sched = StepLR(opt, step_size=10, gamma=0.5)
loss_fn = nn.MSELoss()


@torch.no_grad()
def evaluate(net):
    net.eval()
    xs = torch.stack([data[i][0] for i in range(len(data))])
    ys = torch.stack([data[i][1] for i in range(len(data))])
    result = loss_fn(net(xs), ys).item()
    net.train()
    return result


for epoch in range(30):
    for xb, yb in loader:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    sched.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: eval mse {evaluate(model):.5f} lr {sched.get_last_lr()[0]}")

state = model.state_dict()
print(list(state.keys()))
copy = nn.Sequential(nn.Linear(1, 12), nn.ReLU(), nn.Linear(12, 1))
copy.load_state_dict(state)
print("same after load_state_dict:", evaluate(copy) == evaluate(model))
print(model.training, [m.__class__.__name__ for m in model.children()])
