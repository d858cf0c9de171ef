# A character-level MLP language model in the makemore style: embeddings, a tanh layer, cross-entropy.
import torch
import torch.nn.functional as F

words = ["anna", "bert", "carla", "dmitri", "emil", "freya", "gus", "hanna", "ida", "jonas",
         "kira", "leon", "mats", "nora", "otto", "pia", "quinn", "rosa", "sven", "tove"]
chars = sorted(set(''.join(words)))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
vocab_size = len(itos)

block_size = 3


def build_dataset(words):
    X, Y = [], []
    for w in words:
        context = [0] * block_size
        for ch in w + '.':
            ix = stoi[ch]
            X.append(context)
            Y.append(ix)
            context = context[1:] + [ix]
    X = torch.tensor(X)
    Y = torch.tensor(Y)
    print(X.shape, Y.shape)
    return X, Y


Xtr, Ytr = build_dataset(words[:16])
Xdev, Ydev = build_dataset(words[16:])

g = torch.Generator().manual_seed(2147483647)
C = torch.randn((vocab_size, 5), generator=g)
W1 = torch.randn((block_size * 5, 32), generator=g) * 0.2
b1 = torch.randn(32, generator=g) * 0.01
W2 = torch.randn((32, vocab_size), generator=g) * 0.1
b2 = torch.randn(vocab_size, generator=g) * 0
parameters = [C, W1, b1, W2, b2]
print(sum(p.nelement() for p in parameters))
for p in parameters:
    p.requires_grad = True

for i in range(400):
    ix = torch.randint(0, Xtr.shape[0], (16,), generator=g)
    emb = C[Xtr[ix]]
    h = torch.tanh(emb.view(-1, block_size * 5) @ W1 + b1)
    logits = h @ W2 + b2
    loss = F.cross_entropy(logits, Ytr[ix])
    for p in parameters:
        p.grad = None
    loss.backward()
    lr = 0.2 if i < 300 else 0.05
    for p in parameters:
        p.data += -lr * p.grad
    if i % 100 == 0:
        print(f"{i:4d}: {loss.item():.4f}")


@torch.no_grad()
def split_loss(X, Y):
    emb = C[X]
    h = torch.tanh(emb.view(-1, block_size * 5) @ W1 + b1)
    return F.cross_entropy(h @ W2 + b2, Y).item()


print("train", round(split_loss(Xtr, Ytr), 4))
print("dev", round(split_loss(Xdev, Ydev), 4))

for _ in range(3):
    out = []
    context = [0] * block_size
    while True:
        emb = C[torch.tensor([context])]
        h = torch.tanh(emb.view(1, -1) @ W1 + b1)
        probs = F.softmax(h @ W2 + b2, dim=1)
        ix = torch.multinomial(probs, num_samples=1, generator=g).item()
        context = context[1:] + [ix]
        out.append(ix)
        if ix == 0 or len(out) > 12:
            break
    print(''.join(itos[i] for i in out))
