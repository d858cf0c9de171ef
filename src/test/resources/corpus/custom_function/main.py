"""A custom autograd Function: a smooth step 3x^2 - 2x^3 with its derivative written by hand."""
import torch


class SmoothStep(torch.autograd.Function):
    """Forward keeps its input for backward, which applies the derivative 6x(1-x)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return 3 * x ** 2 - 2 * x ** 3

    @staticmethod
    def backward(ctx, grad_out):
        x, = ctx.saved_tensors
        return grad_out * 6 * x * (1 - x)


x = torch.linspace(0, 1, 11)
target = torch.sigmoid(8 * (x - 0.5))

scale = torch.full((), 1.5, requires_grad=True)
shift = torch.full((), -0.2, requires_grad=True)

step = SmoothStep.apply
learning_rate = 0.05
for t in range(300):
    y_pred = step(scale * x + shift)
    loss = (y_pred - target).pow(2).sum()
    if t % 50 == 0:
        print(t, round(loss.item(), 6))
    loss.backward()
    with torch.no_grad():
        scale -= learning_rate * scale.grad
        shift -= learning_rate * shift.grad
        scale.grad = None
        shift.grad = None

print(f"scale={scale.item():.5f} shift={shift.item():.5f}")

# The hand-written backward agrees with autograd's own derivative.
u = torch.linspace(-1, 2, 7, requires_grad=True)
step(u).sum().backward()
mine = u.grad.clone()
u.grad = None
(3 * u ** 2 - 2 * u ** 3).sum().backward()
print(mine)
print(torch.allclose(mine, u.grad))
