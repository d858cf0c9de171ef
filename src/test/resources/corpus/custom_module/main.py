# A sinusoid a*sin(b*x + c) + d learned by a hand-made nn.Module with four Parameters.
import torch


class Sinusoid(torch.nn.Module):
    def __init__(self):
        """The parameters start near, but not at, the answer."""
        super().__init__()
        self.amplitude = torch.nn.Parameter(torch.tensor(1.0))
        self.frequency = torch.nn.Parameter(torch.tensor(1.8))
        self.phase = torch.nn.Parameter(torch.rand(()))
        self.offset = torch.nn.Parameter(torch.zeros(()))

    def forward(self, x):
        return self.amplitude * torch.sin(self.frequency * x + self.phase) + self.offset

    def describe(self):
        return "{:.3f} * sin({:.3f} x + {:.3f}) + {:.3f}".format(
            self.amplitude.item(), self.frequency.item(), self.phase.item(), self.offset.item())


x = torch.linspace(0, 6, 120)
y = 2.0 * torch.sin(2.0 * x + 0.5) - 0.25

model = Sinusoid()
print([name for name, _ in model.named_parameters()])
print("start:", model.describe())

optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
criterion = torch.nn.MSELoss()
for it in range(600):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
    if it % 100 == 99:
        print(it + 1, round(loss.item(), 5))

print("end:", model.describe())
print(sum(p.numel() for p in model.parameters()), "parameters")
