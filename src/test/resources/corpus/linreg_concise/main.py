# Linear regression the concise way: TensorDataset, a shuffling DataLoader, nn.Linear, MSELoss, SGD.
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
true_w = torch.tensor([1.5, -0.7, 0.2])
true_b = -1.0
X = torch.randn(120, 3)
y = (X @ true_w + true_b).unsqueeze(1) + 0.05 * torch.randn(120, 1)

loader = DataLoader(TensorDataset(X, y), batch_size=16, shuffle=True)
print(len(loader), "batches per epoch")

net = nn.Sequential(nn.Linear(3, 1))
net[0].weight.data.normal_(0, 0.01)
net[0].bias.data.fill_(0)

loss = nn.MSELoss()
trainer = torch.optim.SGD(net.parameters(), lr=0.05)

for epoch in range(4):
    for features, target in loader:
        l = loss(net(features), target)
        trainer.zero_grad()
        l.backward()
        trainer.step()
    l = loss(net(X), y)
    print(f"epoch {epoch + 1}, loss {l.item():.6f}")

w = net[0].weight.data
b = net[0].bias.data
print("error in w:", true_w - w.reshape(true_w.shape))
print("error in b:", true_b - b)
