# Fit cos(x) on [-2, 2] with a quadratic c0 + c1*x + c2*x^2, gradients worked out by hand.
import math
import torch

xs = torch.linspace(-2.0, 2.0, 400)
target = torch.cos(xs)

c0, c1, c2 = torch.randn(()), torch.randn(()), torch.randn(())

lr = 2e-4
steps = 1500
for step in range(steps):
    pred = c0 + c1 * xs + c2 * xs * xs
    err = pred - target
    sse = float((err * err).sum())
    if step % 250 == 0 or step == steps - 1:
        print(f"step {step:4d}  sse {sse:.6f}")
    # d(sse)/d(pred) is 2*err; the chain rule through each coefficient's factor does the rest
    g = 2 * err
    c0 = c0 - lr * g.sum()
    c1 = c1 - lr * (g * xs).sum()
    c2 = c2 - lr * (g * xs * xs).sum()

print("fit: {:.4f} + {:.4f} x + {:.4f} x^2".format(c0.item(), c1.item(), c2.item()))
print("taylor says: 1 + 0 x - 0.5 x^2; at x=pi/3 the fit gives", round(float(c0 + c1 * (math.pi / 3) + c2 * (math.pi / 3) ** 2), 4))
