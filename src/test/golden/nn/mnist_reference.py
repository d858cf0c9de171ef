"""PyTorch's MNIST example (pytorch/examples mnist/main.py), reading the IDX files directly
(torchvision is not installed here), for comparing accuracy and time with tdsl's
MnistExample. Usage:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/test/golden/nn/mnist_reference.py [dir] [epochs] [seed]
"""
import gzip
import os
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def idx(path):
    for p in (path + ".gz", path):
        if os.path.exists(p):
            with open(p, "rb") as f:
                raw = f.read()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            magic, = struct.unpack(">I", raw[:4])
            dims = struct.unpack(">" + "I" * (magic & 0xff), raw[4:4 + 4 * (magic & 0xff)])
            return torch.frombuffer(bytearray(raw[4 + 4 * len(dims):]), dtype=torch.uint8).view(*dims)
    raise FileNotFoundError(path)


def mnist(root, train):
    prefix = "train" if train else "t10k"
    x = idx(os.path.join(root, prefix + "-images-idx3-ubyte")).to(torch.float32).div(255).unsqueeze(1)
    x = x.sub_(torch.tensor(0.1307)).div_(torch.tensor(0.3081))  # ToTensor, Normalize((0.1307,), (0.3081,))
    y = idx(os.path.join(root, prefix + "-labels-idx1-ubyte")).to(torch.int64)
    return torch.utils.data.TensorDataset(x, y)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = self.dropout2(x)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


def train(model, loader, optimizer, epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(loader):
        optimizer.zero_grad()
        loss = F.nll_loss(model(data), target)
        loss.backward()
        optimizer.step()
        if batch_idx % 10 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(loader.dataset), 100. * batch_idx / len(loader), loss.item()))


def test(model, loader):
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for data, target in loader:
            output = model(data)
            test_loss += F.nll_loss(output, target, reduction='sum').item()
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(loader.dataset)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(loader.dataset), 100. * correct / len(loader.dataset)))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "examples/data/mnist"
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.manual_seed(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    torch.set_num_threads(2)
    train_loader = torch.utils.data.DataLoader(mnist(root, True), batch_size=64, shuffle=True)
    test_loader = torch.utils.data.DataLoader(mnist(root, False), batch_size=1000)
    model = Net()
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.7)
    for epoch in range(1, epochs + 1):
        start = time.time()
        train(model, train_loader, optimizer, epoch)
        trained = time.time() - start
        test(model, test_loader)
        print("epoch %d: %.1f s training, %.1f s with test" % (epoch, trained, time.time() - start))
        scheduler.step()


if __name__ == "__main__":
    main()
