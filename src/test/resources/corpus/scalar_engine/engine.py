"""Reverse-mode differentiation of plain Python floats, one Scalar node per operation."""
import math


class Scalar:
    """A float that remembers its parents and how to pass a gradient back to them."""

    def __init__(self, value, parents=(), local_grads=(), label=""):
        self.value = float(value)
        self.grad = 0.0
        self.parents = parents          # the Scalars this one was computed from
        self.local_grads = local_grads  # d(self)/d(parent), one per parent
        self.label = label

    @staticmethod
    def lift(x):
        return x if isinstance(x, Scalar) else Scalar(x)

    def __add__(self, other):
        other = Scalar.lift(other)
        return Scalar(self.value + other.value, (self, other), (1.0, 1.0), "+")

    __radd__ = __add__

    def __mul__(self, other):
        other = Scalar.lift(other)
        return Scalar(self.value * other.value, (self, other), (other.value, self.value), "*")

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-Scalar.lift(other))

    def __rsub__(self, other):
        return Scalar.lift(other) - self

    def __truediv__(self, other):
        other = Scalar.lift(other)
        return self * other ** -1

    def __rtruediv__(self, other):
        return Scalar.lift(other) / self

    def __pow__(self, k):
        if not isinstance(k, (int, float)):
            raise TypeError("exponent must be a number")
        return Scalar(self.value ** k, (self,), (k * self.value ** (k - 1),), f"**{k}")

    def exp(self):
        e = math.exp(self.value)
        return Scalar(e, (self,), (e,), "exp")

    def tanh(self):
        t = math.tanh(self.value)
        return Scalar(t, (self,), (1 - t * t,), "tanh")

    def relu(self):
        return Scalar(max(self.value, 0.0), (self,), (1.0 if self.value > 0 else 0.0,), "relu")

    def ordered(self):
        """Every node that leads here, each after its parents (an iterative depth-first walk)."""
        order, seen, stack = [], set(), [(self, False)]
        while stack:
            node, done = stack.pop()
            if done:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((p, False) for p in node.parents)
        return order

    def backward(self):
        self.grad = 1.0
        for node in reversed(self.ordered()):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad

    def __repr__(self):
        return f"Scalar({self.value:.4f}, grad={self.grad:.4f})"
