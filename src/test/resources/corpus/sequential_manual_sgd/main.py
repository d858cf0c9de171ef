# tanh(x) approximated by an odd polynomial: the features x, x^3, x^5 go through nn.Sequential.
import torch
from torch import nn

x = torch.linspace(-1, 1, 500)
features = torch.stack([x, x ** 3, x ** 5], dim=-1)
target = torch.tanh(x)

model = nn.Sequential(nn.Linear(3, 1))
loss_fn = nn.MSELoss(reduction="sum")

lr = 1e-3
for epoch in range(800):
    pred = model(features).squeeze(-1)
    loss = loss_fn(pred, target)
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
    if (epoch + 1) % 100 == 0:
        print(f"epoch {epoch + 1}: loss {loss.item():.5f}")

layer = model[0]
coefs = layer.weight.squeeze().tolist()
print("bias %.4f" % layer.bias.item())
print("coefficients", [round(c, 4) for c in coefs])
print(model)
