"""A module written as .py beside the importer."""
greeting = "hello from pyhelper"
def shout(s):
    return s.upper() + "!"
