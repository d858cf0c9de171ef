# tdsl: hand-written twin (mnist_vision.tdsl); run by generate.py with the data root as argv[1]
import sys
import torch
import torchvision
from torchvision import datasets, transforms
root = sys.argv[1]
tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.1307,), (0.3081,))])
train = datasets.MNIST(root, train=True, download=True, transform=tf)
test = datasets.MNIST(root, train=False, transform=transforms.ToTensor())
print(len(train), len(test))
print(str(train).replace(root, "ROOT"))
print(type(train))
x, y = train[7]
print(x.shape, x.dtype, y, type(y))
print(x[0, 10:13, 10:15])
raw = datasets.MNIST(root, train=False)
img, label = raw[3]
print(img.size, img.mode, label)
t = transforms.ToTensor()(img)
print(t.shape, t.dtype, t.min(), t.max())
print(t[0, 12, 8:14])
n = 0
labels = 0
for xb, yb in torch.utils.data.DataLoader(train, batch_size=128):
    n += xb.shape[0]
    labels += yb.sum().item()
print(n, labels, xb.shape)
xb, yb = next(iter(torch.utils.data.DataLoader(train, batch_size=6)))
print(yb)
print(xb[5, 0, 14, 8:13])
print(xb[2, 0, 9, 12:16])
tb, tl = next(iter(torch.utils.data.DataLoader(test, batch_size=5)))
print(tb.shape, tl)
print(torchvision.utils.make_grid(tb, nrow=2).shape)
g = torchvision.utils.make_grid(tb, nrow=2, padding=1, normalize=True)
print(g.shape, g[1, 10, 4:9])
a, b = torch.utils.data.random_split(train, [0.75, 0.25])
print(len(a), len(b))
xa, ya = a[0]
print(xa.shape, type(ya))
print(type(torch.utils.data.DataLoader(train, batch_size=3, shuffle=True, num_workers=2, pin_memory=False).dataset), len(torch.utils.data.DataLoader(test, batch_size=64).dataset))
