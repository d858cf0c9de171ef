# a package: run once, before its first submodule
print("shapes package loading")
unit = 1
