# Fit a bump exp(-x^2) with an even polynomial w0 + w1 x^2 + w2 x^4; autograd finds the gradients.
import torch

x = torch.linspace(-1.5, 1.5, 300)
y = torch.exp(-x ** 2)

w = torch.randn(3, requires_grad=True)
powers = torch.stack([torch.ones_like(x), x ** 2, x ** 4], dim=1)

rate = 1e-3
for i in range(1, 1201):
    loss = ((powers @ w - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= rate * 100 * w.grad
    w.grad.zero_()
    if i % 200 == 0:
        print(i, f"{loss.item():.6e}")

print("weights:", w.detach())
print("requires_grad:", w.requires_grad, "| grad after zero_:", w.grad)
