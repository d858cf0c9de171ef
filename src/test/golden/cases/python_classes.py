# tdsl: hand-written twin
class Vec:
    """A 2-d vector."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __neg__(self):
        return self * -1

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return self.norm2() < other.norm2()

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __bool__(self):
        return self.norm2() != 0

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def zero(cls):
        return cls(0, 0)
    zero = classmethod(zero)

    def of(t):
        return Vec(t[0], t[1])
    of = staticmethod(of)

    def length(self):
        return self.norm2() ** 0.5
    length = property(length)


class Named(Vec):
    def __init__(self, name, x, y):
        super().__init__(x, y)
        self.name = name

    def __repr__(self):
        return self.name + "=" + super().__repr__()


a = Vec(3, 4)
b = Vec(1, 2)
print(a + b, a * 2, 2 * a, -b, a == Vec(3, 4), a != b, a.length, Vec.__doc__, Vec.dims)
print(len(a), a[0], a[-1], list(a), bool(Vec.zero()), bool(a), Vec.of([5, 6]), Vec.zero())
print(sorted([a, b, Vec(0, 1)]), max([a, b]), {a: 1}[Vec(3, 4)], a in [b, Vec(3, 4)])
n = Named("n", 1, 1)
print(n, n + n, type(n).__name__, type(n + n).__name__, isinstance(n, Vec), issubclass(Named, Vec), Named.of([2, 3]))
print([c.__name__ for c in Named.__mro__], hasattr(n, "name"), getattr(n, "missing", None))
setattr(n, "name", "m")
print(n, type(a) is Vec, type(1) is int, isinstance(True, int), isinstance(a, (int, Vec)))
Vec(1)
