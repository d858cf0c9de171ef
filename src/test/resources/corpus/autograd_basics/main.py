"""What autograd records: gradients of a small loss, grad_fn, accumulation and switching it off."""
import torch

inputs = torch.tensor([0.5, -1.0, 2.0])
labels = torch.tensor([1.0, 0.0])
weights = torch.randn(3, 2, requires_grad=True)
bias = torch.zeros(2, requires_grad=True)

logits = inputs @ weights + bias
loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels)
print("logits made by:", type(logits.grad_fn).__name__)
print("loss:", round(loss.item(), 6))

loss.backward()
print("d loss / d weights:\n", weights.grad)
print("d loss / d bias:", bias.grad)

# Gradients add up until they are cleared.
u = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
(u ** 2).sum().backward()
print(u.grad)
(u ** 2).sum().backward()
print(u.grad)
u.grad.zero_()
(u * 10).sum().backward()
print(u.grad)

# A non-scalar output needs the vector to multiply the Jacobian by.
v = torch.tensor([[1.0, -2.0], [0.5, 4.0]], requires_grad=True)
out = v.exp() * 2
out.backward(torch.ones_like(out))
print(torch.allclose(v.grad, 2 * v.exp()))

with torch.no_grad():
    frozen = inputs @ weights
print("under no_grad:", frozen.requires_grad)
print("detached:", (inputs @ weights).detach().requires_grad, "| tracked:", (inputs @ weights).requires_grad)

leaf = torch.tensor(3.0, requires_grad=True)
y = leaf * leaf * leaf
grad, = torch.autograd.grad(y, leaf)
print("d(x^3)/dx at 3:", grad)
print(leaf.is_leaf, y.is_leaf)
