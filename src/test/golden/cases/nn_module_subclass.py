# tdsl: hand-written twin
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 2, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.fc1 = nn.Linear(8, 3)
        self.fc2 = nn.Linear(3, 2)
        self.gain = nn.Parameter(torch.tensor([1.5, 0.5]))
        self.register_buffer("mean", torch.tensor(0.25))

    def forward(self, x):
        x = self.conv1(x - self.mean)
        x = F.relu(x)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = self.fc2(x) * self.gain
        return F.log_softmax(x, dim=1)


net = Net()
print(net)
for name, p in net.named_parameters():
    print(name, p.shape, p.requires_grad)
print(list(net.state_dict().keys()))
print([name for name, m in net.named_modules()])
print([name for name, m in net.named_children()])
state = {
    "gain": torch.tensor([1.5, 0.5]),
    "mean": torch.tensor(0.25),
    "conv1.weight": torch.arange(18.).reshape(2, 1, 3, 3) / 20 - 0.4,
    "conv1.bias": torch.tensor([0.1, -0.2]),
    "fc1.weight": torch.arange(24.).reshape(3, 8) / 30 - 0.35,
    "fc1.bias": torch.tensor([0.05, -0.05, 0.0]),
    "fc2.weight": torch.tensor([[0.3, -0.2, 0.1], [-0.4, 0.5, 0.25]]),
    "fc2.bias": torch.tensor([0.0, 0.1]),
}
net.load_state_dict(state)
print(net.fc2.bias)
print(net.state_dict()["fc2.bias"], net.state_dict()["mean"])
net.training = False
print(net.training, net.fc1.training)
net.eval()
print(net.training, net.conv1.training, net.dropout1.training)
x = torch.arange(32.).reshape(2, 1, 4, 4) / 16
out = net(x)
print(out)
loss = F.nll_loss(out, torch.tensor([0, 1]))
print(f"{loss.item():.6f}")
loss.backward()
print(net.fc2.weight.grad)
print(net.gain.grad)
print(net.conv1.bias.grad)
opt = torch.optim.SGD(net.parameters(), lr=0.5)
opt.step()
print(net.fc2.bias)
net.zero_grad(set_to_none=True)
print(net.fc2.bias.grad)
net.train()
print(net.training, net.dropout1.training)
print(isinstance(net, nn.Module), isinstance(net.gain, nn.Parameter), type(net).__name__)
net.decoder
