# A network whose depth is drawn at random on each forward pass: one hidden layer applied 1-3 times.
import random
import torch
import torch.nn as nn

random.seed(7)
torch.manual_seed(7)


class RepeatNet(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.inp = nn.Linear(1, width)
        self.shared = nn.Linear(width, width)
        self.out = nn.Linear(width, 1)

    def forward(self, x):
        h = torch.relu(self.inp(x))
        depth = random.randint(1, 3)
        for _ in range(depth):
            h = torch.relu(self.shared(h))
        return self.out(h), depth


x = torch.linspace(-1, 1, 64).unsqueeze(1)
y = x.abs() - 0.5

net = RepeatNet(8)
opt = torch.optim.SGD(net.parameters(), lr=0.05)
depths = []
for step in range(200):
    pred, depth = net(x)
    depths.append(depth)
    loss = ((pred - y) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 40 == 0:
        print(f"step {step} depth {depth} loss {loss.item():.5f}")

print("depth counts:", {d: depths.count(d) for d in sorted(set(depths))})
with torch.no_grad():
    print("final loss at depth 2:", round(((net.out(torch.relu(net.shared(torch.relu(net.shared(torch.relu(net.inp(x))))))) - y) ** 2).mean().item(), 5))
