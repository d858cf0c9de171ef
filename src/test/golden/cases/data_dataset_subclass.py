# tdsl: hand-written twin
import torch
from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.tensor([float(i), float(i * i)]), i % 3


class Rows(torch.utils.data.Dataset):
    def __init__(self, data):
        super().__init__()
        self.data = data

    def __len__(self):
        return self.data.shape[0]

    def __getitem__(self, i):
        return self.data[i]


ds = Squares(5)
print(len(ds), ds[4], isinstance(ds, Dataset))
for x, y in DataLoader(ds, batch_size=2):
    print(x, y)
loader = DataLoader(Rows(torch.arange(6).reshape(3, 2)), batch_size=2)
print(len(loader))
for batch in loader:
    print(batch)
print([int(r.sum()) for r in Rows(torch.arange(6).reshape(3, 2))])
