# A straight-line-plus-wiggle target fit by a one-layer model, with Adam doing the updates.
import torch
import torch.nn as nn
import torch.optim as optim

t = torch.linspace(0, 4, 256).unsqueeze(1)
signal = 0.5 * t + 0.3 * torch.sin(3 * t)
inputs = torch.cat([t, torch.sin(3 * t), torch.cos(3 * t)], dim=1)

model = nn.Linear(3, 1)
opt = optim.Adam(model.parameters(), lr=0.02)
mse = nn.MSELoss()

history = []
for step in range(120):
    opt.zero_grad()
    loss = mse(model(inputs), signal)
    loss.backward()
    opt.step()
    history.append(loss.item())

for step in range(0, 120, 20):
    print(step, "%.6f" % history[step])
print("final", "%.6f" % history[-1])
for name, value in model.state_dict().items():
    print(name, value)
