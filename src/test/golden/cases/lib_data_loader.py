# tdsl: hand-written twin
import torch
from torch.utils.data import DataLoader, TensorDataset, Subset, random_split
x = torch.arange(10.).view(5, 2)
y = torch.arange(5)
ds = TensorDataset(x, y)
print(type(ds), len(ds))
print(ds[1])
for xb, yb in DataLoader(ds, batch_size=2):
    print(xb.shape, yb)
print(next(iter(DataLoader(ds, batch_size=3))))
print(len(DataLoader(ds, batch_size=2)), len(DataLoader(ds, batch_size=2, drop_last=True)))
for xb, yb in DataLoader(ds, batch_size=2, drop_last=True):
    print(yb)
a, b = random_split(ds, [3, 2])
print(len(a), len(b), sorted(a.indices + b.indices))
a, b, c = random_split(ds, [0.5, 0.3, 0.2])
print(len(a), len(b), len(c))
s = Subset(ds, [4, 0])
print(len(s), s[0], s[1][1])
print(type(s))
for xb, yb in DataLoader(s, batch_size=2):
    print(xb, yb)
items = [{"x": torch.tensor([1., 2.]), "y": 1, "name": "a"}, {"x": torch.tensor([3., 4.]), "y": 2, "name": "b"}, {"x": torch.tensor([5., 6.]), "y": 3, "name": "c"}]
for batch in DataLoader(items, batch_size=2):
    print(batch)
pairs = [(1, True), (2, False), (3, True)]
print(list(DataLoader(pairs, batch_size=2, drop_last=True)))
print(list(DataLoader(pairs, batch_size=2)))
print(list(DataLoader([1, 2, 3], batch_size=None)))
print(list(DataLoader([[1, 2], [3, 4]], batch_size=2, collate_fn=len)))
print(list(DataLoader([[1, 2], [3, 4], [5, 6]], batch_size=2)))
print(list(DataLoader([torch.tensor([1, 2]), torch.tensor([3, 4])], batch_size=2)))
sub = Subset(pairs, [2, 0])
print(len(sub), sub[0], list(DataLoader(sub, batch_size=2)))
print(list(DataLoader(ds, batch_size=2, sampler=[4, 2, 0])))
print(len(DataLoader(ds, batch_size=2, sampler=[4, 2, 0])))
print(len(DataLoader(pairs, batch_size=2)), len(DataLoader(pairs, batch_size=2, drop_last=True)))
print(type(DataLoader(ds, num_workers=0)))
