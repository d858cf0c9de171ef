# A small multilayer perceptron fits one period of a sine wave.
import math
import torch
import torch.nn as nn

torch.manual_seed(1)
x = torch.linspace(-math.pi, math.pi, 128).unsqueeze(1)
y = torch.sin(x)

mlp = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 16), nn.Tanh(), nn.Linear(16, 1))
optimizer = torch.optim.Adam(mlp.parameters(), lr=0.01)
criterion = nn.MSELoss()

for step in range(1, 601):
    optimizer.zero_grad()
    loss = criterion(mlp(x), y)
    loss.backward()
    optimizer.step()
    if step % 100 == 0:
        print(f"step {step}: mse {loss.item():.6f}")

probe = torch.tensor([[-math.pi / 2], [0.0], [math.pi / 6], [math.pi / 2]])
with torch.no_grad():
    for xi, yi in zip(probe.flatten(), mlp(probe).flatten()):
        print(f"sin({xi.item():+.4f}) ~ {yi.item():+.4f} (true {math.sin(xi.item()):+.4f})")
print("parameters:", sum(p.numel() for p in mlp.parameters()))
