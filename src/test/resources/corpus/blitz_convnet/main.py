"""A tiny convolutional network: build it, push a random image through, backpropagate, take steps."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyConvNet(nn.Module):
    def __init__(self, classes=5):
        super(TinyConvNet, self).__init__()
        self.features1 = nn.Conv2d(1, 4, 3)   # 16x16 -> 14x14, pooled to 7x7
        self.features2 = nn.Conv2d(4, 8, 2)   # 7x7 -> 6x6, pooled to 3x3
        self.hidden = nn.Linear(8 * 3 * 3, 24)
        self.head = nn.Linear(24, classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.features1(x)), 2)
        x = F.max_pool2d(F.relu(self.features2(x)), (2, 2))
        x = x.view(x.size(0), -1)
        return self.head(F.relu(self.hidden(x)))


net = TinyConvNet()
print(net)
for name, p in net.named_parameters():
    print(name, tuple(p.shape))

image = torch.randn(2, 1, 16, 16)
scores = net(image)
print(scores.shape)

net.zero_grad()
scores.backward(torch.randn(2, 5))
print("head.bias.grad", net.head.bias.grad)

target = torch.randn(2, 5)
loss_fn = nn.MSELoss()
loss = loss_fn(net(image), target)
print(loss)
print(type(loss.grad_fn).__name__)

net.zero_grad()
print("features1.bias.grad after zero_grad:", net.features1.bias.grad)
loss.backward()
print("features1.bias.grad after backward:", net.features1.bias.grad)

optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
for step in range(5):
    optimizer.zero_grad()
    loss = loss_fn(net(image), target)
    loss.backward()
    optimizer.step()
    print(step, round(loss.item(), 6))
