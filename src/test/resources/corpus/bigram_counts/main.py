# A character bigram model of a few invented words: count pairs, normalise, sample, score.
import torch

words = ["kalo", "mira", "tavi", "sorel", "ilan", "bram", "nessa", "orin", "lumi", "dario",
         "pella", "ruan", "ysolde", "kit", "amara", "jorun", "selka", "timo", "vera", "elio"]

chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
V = len(stoi)
print(V, "symbols:", ''.join(itos[i] for i in range(V)))

N = torch.zeros((V, V), dtype=torch.int32)
for w in words:
    chs = ['.'] + list(w) + ['.']
    for ch1, ch2 in zip(chs, chs[1:]):
        N[stoi[ch1], stoi[ch2]] += 1
firsts = sorted(range(1, V), key=lambda i: (-N[0, i].item(), itos[i]))
print("most common first letters:", [(itos[i], N[0, i].item()) for i in firsts[:3]])

P = (N + 1).float()
P /= P.sum(1, keepdims=True)
print(P[0].sum().item() == 1.0 or abs(P[0].sum().item() - 1.0) < 1e-6)

g = torch.Generator().manual_seed(2147483647)
for _ in range(5):
    out = []
    ix = 0
    while True:
        p = P[ix]
        ix = torch.multinomial(p, num_samples=1, replacement=True, generator=g).item()
        out.append(itos[ix])
        if ix == 0:
            break
    print(''.join(out))

log_likelihood = 0.0
n = 0
for w in words:
    chs = ['.'] + list(w) + ['.']
    for ch1, ch2 in zip(chs, chs[1:]):
        logprob = torch.log(P[stoi[ch1], stoi[ch2]])
        log_likelihood += logprob
        n += 1
print(f'{log_likelihood=}')
nll = -log_likelihood
print(f'{nll/n}')
