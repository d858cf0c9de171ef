# An MLP with BatchNorm1d: train and eval behave differently; the weights go to a file and come back.
import os
import torch
import torch.nn as nn

torch.manual_seed(2)
n = 96
angle = torch.rand(n) * 3.14159
radius = 1 + 0.1 * torch.randn(n)
inner = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], dim=1)
outer = torch.stack([1 - radius * torch.cos(angle), 0.5 - radius * torch.sin(angle)], dim=1)
X = torch.cat([inner, outer])
y = torch.cat([torch.zeros(n, dtype=torch.long), torch.ones(n, dtype=torch.long)])


def make_model():
    return nn.Sequential(nn.Linear(2, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Linear(16, 2))


model = make_model()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(30):
    model.train()
    perm = torch.randperm(2 * n)
    for start in range(0, 2 * n, 32):
        idx = perm[start:start + 32]
        optimizer.zero_grad()
        loss = loss_fn(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
    if epoch % 10 == 9:
        model.eval()
        with torch.no_grad():
            accuracy = (model(X).argmax(1) == y).float().mean().item()
        print(f"epoch {epoch + 1}: last batch loss {loss.item():.4f}, accuracy {accuracy:.3f}")

bn = model[1]
print("running mean", bn.running_mean[:4])
print("running var", bn.running_var[:4])
print("batches tracked", bn.num_batches_tracked.item())

with torch.no_grad():
    model.train()
    train_mode = model(X[:4])
    model.eval()
    eval_mode = model(X[:4])
print("train and eval outputs differ:", not torch.allclose(train_mode, eval_mode))

path = "mlp_bn.pt"
torch.save(model.state_dict(), path)
print("saved:", os.path.exists(path), sorted(model.state_dict().keys()))
restored = make_model()
restored.load_state_dict(torch.load(path))
restored.eval()
with torch.no_grad():
    print("restored gives the same outputs:", torch.equal(restored(X), model(X)))
