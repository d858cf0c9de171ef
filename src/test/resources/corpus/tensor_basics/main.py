"""Tensors at a glance: making them, their shape and dtype, indexing, joining and arithmetic."""
import torch

grid = torch.tensor([[3, 1, 4], [1, 5, 9]])
print(grid)
print("dtype:", grid.dtype, "shape:", grid.shape, "dims:", grid.dim())

noise = torch.rand_like(grid, dtype=torch.float32)
print("same shape, uniform noise:\n", noise)

size = (2, 2)
print(torch.zeros(size), torch.ones(size, dtype=torch.int64), torch.full(size, 7.5), sep="\n")

m = torch.arange(1, 13, dtype=torch.float32).reshape(3, 4)
print(m)
print("row 1:", m[1])
print("column 2:", m[:, 2])
print("last column:", m[..., -1])
print("every other column:", m[:, ::2])
m[0, :] = -1
print(m)

both = torch.cat([m, m], dim=0)
print("cat:", tuple(both.shape), "stack:", tuple(torch.stack([m, m]).shape))

gram = m @ m.T
print(gram)
print(torch.equal(gram, m.matmul(m.t())))
print((m * m).sum(dim=1), m.pow(2).sum(1))

total = m.sum()
print(total, total.item(), type(total.item()).__name__)

m.add_(0.5)
print(m.mean(), m.std(), m.min(), m.max(dim=1))
print(m.argmax(dim=0), m.view(-1, 6).shape, m.flatten()[:5])

mask = m > 4
print(mask.sum(), m[mask])
print(torch.where(mask, m, torch.zeros_like(m)))
print(m.unsqueeze(0).shape, m.unsqueeze(0).squeeze().shape, m.transpose(0, 1).shape)
