# tdsl: hand-written twin
import torch
xs = torch.tensor([[1.], [2.], [3.], [4.]])
ys = torch.tensor([[3.], [5.], [7.], [9.]])
w = torch.tensor([[0.5]], requires_grad=True)
b = torch.tensor([0.], requires_grad=True)
lr = 0.05
for step in range(5):
    pred = xs @ w + b
    loss = ((pred - ys) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad.zero_()
    b.grad.zero_()
    print(f"step {step}: loss {loss.item():.4f}")
print(w)
print(b)
print(f"{w.item():.3f} {b.item():.3f}")
