# Bag-of-embeddings sentence classification: nn.Embedding, mean pooling, CrossEntropyLoss with smoothing.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(11)
sentences = [
    ("the cat sat on the mat", 0), ("a dog ran in the park", 0), ("the bird sang a song", 0),
    ("stocks fell on monday", 1), ("the market rose again", 1), ("prices and stocks rose", 1),
    ("rain fell all day", 2), ("a cold wind and snow", 2), ("sun and clear sky today", 2),
]
vocab = {"<pad>": 0}
for text, _ in sentences:
    for word in text.split():
        vocab.setdefault(word, len(vocab))
print(len(vocab), "words")

longest = max(len(text.split()) for text, _ in sentences)


def encode(text):
    ids = [vocab[w] for w in text.split()]
    return ids + [0] * (longest - len(ids))


X = torch.tensor([encode(text) for text, _ in sentences])
y = torch.tensor([label for _, label in sentences])


class BagClassifier(nn.Module):
    def __init__(self, vocab_size, dim, classes):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.out = nn.Linear(dim, classes)

    def forward(self, ids):
        mask = (ids != 0).float().unsqueeze(-1)
        summed = (self.embed(ids) * mask).sum(dim=1)
        return self.out(summed / mask.sum(dim=1))


model = BagClassifier(len(vocab), 6, 3)
print("padding row is zero:", bool((model.embed.weight[0] == 0).all()))
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)

for step in range(150):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    if step % 50 == 0:
        print(step, round(loss.item(), 5))

with torch.no_grad():
    probs = F.softmax(model(X), dim=-1)
print("predicted:", probs.argmax(dim=-1).tolist())
print("labels:   ", y.tolist())
test = torch.tensor([encode("the dog sat in the sun")])
print("new sentence:", [round(p, 3) for p in F.softmax(model(test), dim=-1)[0].tolist()])
