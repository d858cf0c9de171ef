# tdsl: hand-written twin
import torch
def f(x):
    return x * x * 3

def poly(x, a=1., *, shift=0.):
    return a * x ** 2 + shift

x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = f(x)
print(y)
y.sum().backward()
print(x.grad)
x.grad = None
p = poly(x, 2., shift=1.)
print(p)
p.sum().backward()
print(x.grad)
total = torch.tensor(0.)
for i in range(3):
    total = total + x[i] * (i + 1)
print(total)
total.backward()
print(x.grad)
n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
    print(n, f(torch.tensor(float(n))))
