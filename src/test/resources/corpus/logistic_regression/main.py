# Logistic regression on two Gaussian blobs, written as an nn.Module with BCEWithLogitsLoss.
import torch
import torch.nn as nn

torch.manual_seed(3)
n = 100
blob_a = torch.randn(n, 2) * 0.8 + torch.tensor([1.5, 1.0])
blob_b = torch.randn(n, 2) * 0.8 + torch.tensor([-1.0, -1.5])
X = torch.cat([blob_a, blob_b])
y = torch.cat([torch.ones(n), torch.zeros(n)])


class LogisticRegression(nn.Module):
    def __init__(self, in_features):
        super().__init__()
        self.linear = nn.Linear(in_features, 1)

    def forward(self, x):
        return self.linear(x).squeeze(1)   # logits; the loss applies the sigmoid


model = LogisticRegression(2)
criterion = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(1, 101):
    logits = model(X)
    loss = criterion(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        with torch.no_grad():
            predicted = (torch.sigmoid(model(X)) > 0.5).float()
            accuracy = (predicted == y).float().mean().item()
        print(f"epoch {epoch:3d}  loss {loss.item():.4f}  accuracy {accuracy:.3f}")

w, b = model.linear.weight.detach()[0], model.linear.bias.item()
print(f"boundary: {w[0]:.3f} * x0 + {w[1]:.3f} * x1 + {b:.3f} = 0")
print("p(class 1) at the origin:", round(torch.sigmoid(torch.tensor(b)).item(), 4))
