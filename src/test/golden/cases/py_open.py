# tdsl: hand-written twin
import os
os.makedirs("target/py_open", exist_ok=True)
with open("target/py_open/a.txt", "w") as f:
    n = f.write("one\ntwo\n")
    f.writelines(["three\n", "four"])
print(n)
with open("target/py_open/a.txt") as f:
    for line in f:
        print(repr(line))
f = open("target/py_open/a.txt")
print(repr(f.readline()), f.readlines(), repr(f.read()), f.closed)
f.close()
print(f.closed, f.name, f.mode)
open("target/py_open/b.txt", "w").write("direct")
print(open("target/py_open/b.txt").read())
with open("target/py_open/b.txt", "a") as g:
    g.write(" appended\n")
print(open("target/py_open/b.txt").read().split())
print(open("target/py_open/a.txt").read(3), open("target/py_open/a.txt").readlines()[-1])
print(os.path.isfile("target/py_open/a.txt"), os.path.exists("target/py_open/c.txt"))
print(sorted(os.listdir("target/py_open")))
f.read()
