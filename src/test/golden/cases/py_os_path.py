import os
import sys
import time
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y", "z"), os.path.join("a/", "b"), os.path.join("", "b"))
print(os.path.basename("a/b/c.txt"), os.path.basename("a/"), os.path.dirname("a/b/c.txt"), os.path.dirname("/a"), os.path.dirname("a"))
print(os.path.split("//x//y"), os.path.split("a/b/"), os.path.split("noslash"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a.b/c"), os.path.splitext("x..."))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath("../../x"), os.path.normpath("/../x/"), os.path.normpath(""), os.path.normpath("//a/b"))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.exists("/definitely/not/here"), os.path.isdir("/definitely/not"), os.sep)
print(os.path.abspath("/a/./b/../c"), os.getenv("TDSL_SURELY_NOT_SET_ANYWHERE", "fallback"))
start = time.perf_counter()
time.sleep(0.05)
print(time.perf_counter() - start >= 0.05, type(time.time()), time.monotonic() <= time.monotonic())
print(type(sys.argv), sys.maxsize, sys.platform)
sys.stdout.write("written\n")
sys.stdout.flush()
