# tdsl: hand-written twin
import collections
c = collections.Counter("abracadabra")
print(c, c["a"], c["z"], len(c), c.most_common(2), c.most_common()[-1], sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 1})
print(c, c.total(), "a" in c, "q" in c, sorted(c), list(c.keys())[:3])
d = collections.Counter(a=3, b=1) + collections.Counter(a=1, c=2)
e = collections.Counter(a=3, b=1) - collections.Counter(a=1, b=5)
print(d, e, collections.Counter(), collections.Counter([1, 1, 2]) == collections.Counter({1: 2, 2: 1}))
c["new"] += 5
print(c["new"], c.get("a"), c.get("none"))
dd = collections.defaultdict(list)
dd["x"].append(1)
dd["x"].append(2)
dd["y"].append(3)
print(dd, dd["x"], len(dd), dict(dd.items()), dd.default_factory is list)
di = collections.defaultdict(int)
for w in ["a", "b", "a"]:
    di[w] += 1
print(di, sorted(di.items()), collections.defaultdict(None, {"k": 1}))
od = collections.OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(), od.popitem(last=False), od, collections.OrderedDict([("x", 1)]))
print(collections.OrderedDict(), od.copy(), od == {"a": 2})

collections.Counter(5)
