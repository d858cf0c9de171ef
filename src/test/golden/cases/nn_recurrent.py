# tdsl: hand-written twin
# LSTM (2 layers, batch_first, initial states), bidirectional GRU (unbatched), ReLU RNN without bias: outputs, states, gradients.
import torch
import torch.nn as nn
torch.manual_seed(0)
def fill(m):
    sd = {}
    for i, (k, v) in enumerate(m.state_dict().items()):
        sd[k] = torch.sin(torch.arange(v.numel(), dtype=torch.float32) * 0.7 + i).reshape(v.shape) * 0.5
    m.load_state_dict(sd)
    return m
x = torch.sin(torch.arange(2 * 3 * 3, dtype=torch.float32)).reshape(2, 3, 3).requires_grad_()
lstm = fill(nn.LSTM(3, 4, num_layers=2, batch_first=True))
print(lstm)
out, (h, c) = lstm(x)
print(out.shape, h.shape, c.shape)
print(out.detach(), h.detach(), c.detach())
h0 = torch.cos(torch.arange(2 * 2 * 4, dtype=torch.float32)).reshape(2, 2, 4).requires_grad_()
c0 = (torch.arange(2 * 2 * 4, dtype=torch.float32).reshape(2, 2, 4) / 10).requires_grad_()
out, (h, c) = lstm(x, (h0, c0))
(out.sum() + h.sum() * 2 + c.sum()).backward()
print(out.detach()[1], x.grad, h0.grad, c0.grad, lstm.weight_hh_l1.grad)
gru = fill(nn.GRU(3, 2, bidirectional=True))
print(gru, [k for k, _ in gru.named_parameters()])
x2 = x.detach()[0]
out, h = gru(x2)
print(out.shape, h.shape, out.detach(), h.detach())
out.pow(2).sum().backward()
print(gru.bias_hh_l0_reverse.grad, gru.weight_ih_l0.grad)
rnn = fill(nn.RNN(3, 3, num_layers=2, nonlinearity="relu", bias=False))
print(rnn)
out, h = rnn(x.detach(), torch.ones(2, 3, 3))
print(out.detach(), h.detach())
print(nn.RNN(2, 5)(torch.zeros(4, 2))[1].shape)
print(nn.LSTM(3, 4)(torch.zeros(5, 2, 3), (torch.zeros(1, 3, 4), torch.zeros(1, 2, 4))))
