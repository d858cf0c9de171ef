# XOR, the classic problem a single layer cannot solve: a two-layer tanh network learns it.
import torch
from torch import nn

torch.manual_seed(42)
inputs = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
targets = torch.tensor([[0.], [1.], [1.], [0.]])

model = nn.Sequential(
    nn.Linear(2, 4),
    nn.Tanh(),
    nn.Linear(4, 1),
    nn.Sigmoid(),
)
loss_fn = nn.BCELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

for epoch in range(400):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print("epoch", epoch, "loss", round(loss.item(), 5))

with torch.no_grad():
    out = model(inputs)
for (a, b), p in zip(inputs.tolist(), out.squeeze(1).tolist()):
    print(f"{int(a)} xor {int(b)} -> {p:.3f} ({round(p)})")
print("all correct:", bool(((out > 0.5).float() == targets).all()))
