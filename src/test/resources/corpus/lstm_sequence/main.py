# An LSTM reads windows of a sampled sine wave and predicts the value that comes next.
import math
import torch
import torch.nn as nn

torch.manual_seed(5)
t = torch.arange(0, 60, dtype=torch.float32)
wave = torch.sin(t * 2 * math.pi / 12)

window = 8
inputs = torch.stack([wave[i:i + window] for i in range(len(wave) - window)]).unsqueeze(-1)
targets = wave[window:].unsqueeze(-1)
print("inputs", tuple(inputs.shape), "targets", tuple(targets.shape))


class NextValue(nn.Module):
    def __init__(self, hidden=8):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, (h, c) = self.lstm(x)
        return self.head(out[:, -1, :])


model = NextValue()
print(model)
print([(name, tuple(p.shape)) for name, p in model.lstm.named_parameters()])

optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.MSELoss()
for epoch in range(1, 121):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    if epoch % 30 == 0:
        print(f"epoch {epoch:3d} mse {loss.item():.6f}")

model.eval()
with torch.no_grad():
    seed = wave[-window:].reshape(1, window, 1)
    print("next value predicted {:.4f}, true {:.4f}".format(model(seed).item(), math.sin(60 * 2 * math.pi / 12)))
