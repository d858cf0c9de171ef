"""Digit recognition: a small CNN trained on MNIST images loaded by torchvision; settings from the command line."""
from __future__ import print_function
import argparse
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torchvision import datasets, transforms
from torch.optim.lr_scheduler import StepLR


class DigitNet(nn.Module):
    def __init__(self):
        super(DigitNet, self).__init__()
        self.conv_a = nn.Conv2d(1, 4, 5, 2)    # 28x28 -> 12x12
        self.conv_b = nn.Conv2d(4, 8, 3, 1)    # 12x12 -> 10x10, pooled to 5x5
        self.drop = nn.Dropout(0.25)
        self.fc_a = nn.Linear(8 * 5 * 5, 32)
        self.fc_b = nn.Linear(32, 10)

    def forward(self, x):
        x = F.relu(self.conv_a(x))
        x = F.max_pool2d(F.relu(self.conv_b(x)), 2)
        x = torch.flatten(x, 1)
        x = self.drop(F.relu(self.fc_a(x)))
        return F.log_softmax(self.fc_b(x), dim=1)


def run_epoch(settings, net, device, batches, opt, epoch):
    """One pass over the training set, reporting every few batches."""
    net.train()
    seen = 0
    for step, (images, labels) in enumerate(batches):
        images, labels = images.to(device), labels.to(device)
        opt.zero_grad()
        loss = F.nll_loss(net(images), labels)
        loss.backward()
        opt.step()
        seen += len(images)
        if step % settings.report_every == 0:
            print('epoch {} batch {:3d} seen {:4d}/{} loss {:.5f}'.format(
                epoch, step, seen, len(batches.dataset), loss.item()))
            if settings.smoke_test:
                break


def evaluate(net, device, batches):
    net.eval()
    total_loss, right = 0.0, 0
    with torch.no_grad():
        for images, labels in batches:
            images, labels = images.to(device), labels.to(device)
            scores = net(images)
            total_loss += F.nll_loss(scores, labels, reduction='sum').item()
            guess = scores.argmax(dim=1, keepdim=True)
            right += guess.eq(labels.view_as(guess)).sum().item()
    n = len(batches.dataset)
    print('test: mean loss {:.4f}, {}/{} right ({:.1f}%)'.format(total_loss / n, right, n, 100.0 * right / n))
    return right / n


def main():
    parser = argparse.ArgumentParser(description='Train a small CNN on MNIST digits')
    parser.add_argument('--batch-size', type=int, default=64, metavar='N',
                        help='images per training batch (default: 64)')
    parser.add_argument('--eval-batch-size', type=int, default=100, metavar='N',
                        help='images per evaluation batch (default: 100)')
    parser.add_argument('--epochs', type=int, default=3, metavar='N',
                        help='passes over the training set (default: 3)')
    parser.add_argument('--lr', type=float, default=1.0, metavar='LR',
                        help='Adadelta learning rate (default: 1.0)')
    parser.add_argument('--gamma', type=float, default=0.7, metavar='G',
                        help='learning-rate decay per epoch (default: 0.7)')
    parser.add_argument('--cpu', action='store_true', default=False,
                        help='never use an accelerator')
    parser.add_argument('--smoke-test', action='store_true', default=False,
                        help='stop after the first report')
    parser.add_argument('--seed', type=int, default=1, metavar='S',
                        help='random seed (default: 1)')
    parser.add_argument('--report-every', type=int, default=5, metavar='N',
                        help='batches between reports (default: 5)')
    parser.add_argument('--data', default='../data', help='the folder holding MNIST/raw')
    settings = parser.parse_args()
    accelerated = not settings.cpu and torch.cuda.is_available()

    torch.manual_seed(settings.seed)
    device = torch.device("cuda" if accelerated else "cpu")

    train_options = {'batch_size': settings.batch_size, 'shuffle': True}
    eval_options = {'batch_size': settings.eval_batch_size}
    if accelerated:
        extra = {'num_workers': 1, 'pin_memory': True}
        train_options.update(extra)
        eval_options.update(extra)

    to_input = transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize((0.1307,), (0.3081,)),
    ])
    train_set = datasets.MNIST(settings.data, train=True, download=False, transform=to_input)
    eval_set = datasets.MNIST(settings.data, train=False, transform=to_input)
    train_batches = torch.utils.data.DataLoader(train_set, **train_options)
    eval_batches = torch.utils.data.DataLoader(eval_set, **eval_options)

    net = DigitNet().to(device)
    opt = optim.Adadelta(net.parameters(), lr=settings.lr)
    schedule = StepLR(opt, step_size=1, gamma=settings.gamma)
    for epoch in range(1, settings.epochs + 1):
        run_epoch(settings, net, device, train_batches, opt, epoch)
        accuracy = evaluate(net, device, eval_batches)
        schedule.step()
        print('after epoch', epoch, 'lr', schedule.get_last_lr(), 'accuracy', round(accuracy, 3))


if __name__ == '__main__':
    main()
