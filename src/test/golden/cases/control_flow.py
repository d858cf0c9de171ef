# tdsl: hand-written twin
import torch
def classify(v):
    if v < 0:
        return "negative"
    elif v == 0:
        return "zero"
    else:
        return "positive"

for v in [-2, 0, 3]:
    print(v, classify(v))
def make_scaler(k):
    def scale(t):
        return t * k
    return scale
double = make_scaler(2)
print(double(torch.tensor([1., 2.])))
xs = []
i = 0
while True:
    i += 1
    if i > 5:
        break
    if i % 2 == 0:
        continue
    xs.append(i)
print(xs)
acc = torch.zeros(2)
for a, b in zip([1., 2., 3.], [4., 5., 6.]):
    acc = acc + torch.tensor([a, b]) * a
print(acc)
for i, name in enumerate(["w", "b"]):
    print(i, name)
t = torch.tensor([1., 2., 3.])
if (t > 2).sum() > 0:
    print("some above 2")
print(t.sum() > 5, bool(t.sum() > 7))
if t.sum() > 5:
    print("sum above 5")
for row in torch.tensor([[1, 2], [3, 4]]):
    print(row)
x = 1; y = 2; print(x + y)
