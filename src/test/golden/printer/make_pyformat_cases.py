"""Golden cases for PyFormat: what Python 3 itself prints.

Run:  /usr/bin/python3 make_pyformat_cases.py > pyformat_cases.txt

One case a line, fields separated by tabs; text fields are escaped (\\\\, \\t, \\n and
\\uXXXX for anything outside printable ASCII):
    R   <float.hex>  <repr(v)>
    F   <float.hex>  <spec>  <format(v, spec)>        FE: ... <error message>
    I   <int>        <spec>  <format(v, spec)>        IE: ... <error message>
    S   <str>        <spec>  <format(v, spec)>        SE: ... <error message>
    Q   <str>        <repr(s)>
"""
import math
import random
import struct
import unicodedata


def esc(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            hi, lo = divmod(ord(ch) - 0x10000, 0x400)
            out.append("\\u%04x\\u%04x" % (0xD800 + hi, 0xDC00 + lo))
        else:
            out.append("\\u%04x" % ord(ch))
    return "".join(out)


def fhex(v):
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v.hex()


def case(kind, value_field, v, spec):
    try:
        print("%s\t%s\t%s\t%s" % (kind, value_field, esc(spec), esc(format(v, spec))))
    except (ValueError, TypeError, OverflowError) as e:
        print("%sE\t%s\t%s\t%s" % (kind, value_field, esc(spec), esc(str(e))))


FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.30000000000000004, 1e-5, 1e-4, 0.0001,
          0.001234, 123.456, -123.456, 1234567.891, 1e16, 1e15, 9999999999999998.0, 1e17, 1e22,
          1e23, 123456789012345678.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          1.5e300, 1e-300, math.pi, math.e, 2.675, 1.005, 0.045, 1e100, 12.0, 100.0, 99.5,
          0.95, 9.995, 999999.5, 1e6, 123456.0, float("inf"), float("-inf"), float("nan"),
          3.0e-10, 42.0, 7e22, 4.35, 0.000123456789]
INTS = [0, 1, -1, 7, 42, -42, 255, 1000, -1000, 65, 1234567, -1234567, 2 ** 31, -(2 ** 31),
        2 ** 53 + 1, 9223372036854775807, -9223372036854775808, 10 ** 16, 97, 12345678901]
STRS = ["", "a", "abc", "hello world", "it's", 'say "hi"', "both ' and \"", "a\nb", "tab\there",
        "\x00", "\x7f", "\x1b[0m", "back\\slash", "caf\u00e9", "\u00a0nbsp", "\u4e2d\u6587",
        "\U0001F600", "\u200b", "\ud7ff", "x" * 12, "\r\n", "\x85", "\u2028", "\ufeff"]

FLOAT_SPECS = ["", ".4f", ">10.2f", "e", ".3e", "g", ".2%", ",", "_", "+", " ", "010.3f", "^12",
               ".0f", ".1f", ".2f", ".10f", ".0e", "E", ".3E", "G", ".3g", ".10g", ".0g", "%",
               "f", "F", ".3", ".1", ".17", ".20", "10", "<10", "=10", "*^15.3f", "+.2e", "-.2f",
               " .3f", "z.1f", "z", "#.0f", "#.0e", "#g", "#.3g", "#", ",.2f", "_.3f", ",f", ",e",
               "015,.2f", "020_.1f", ",g", "12,", "x<+12.4f", "0=+12.3e", "n", ".3n", "08.3%",
               "d", "x", "s", "b", "c", "abc", "10.2.3f", ",_", "_,", "<>10", ".f", "=", ".", "0",
               "00", "z.3e", "++", ".3z", "10,n", ",%", "ф", "#x", "1.2d", "12e", "-", ".2", ".0",
               ".0%", "#%", "#e", "#.1f", "012", "0<12", "0^12.1f", "+010.2f", "-10.2f"]
INT_SPECS = ["", "d", "5d", "05d", ",", "x", "X", "o", "b", "#x", "#X", "#o", "#b", ".2f", "e", "%",
             "c", "<8", ">8", "^8", "=8", "+d", " d", "-d", "+", "_", "_x", "_b", "_o", ",x", ",b",
             "#010x", "010b", "+08,d", "0=+8", "*^9", "n", ",n", "g", ".3g", "G", ".2e", "E", ".0%",
             ".3", "s", "z", "zd", "z.2f", ".2d", "#", "#d", "#c", "+c", "10c", ",c", "_d", "012,",
             "012_", "020_x", "x>10X", ",%", ",.2f", ",_", "abc", "-#x", " x", "+#b", "#_x",
             "f", "F", "%", "e"]
STR_SPECS = ["", "<10", ">10", "^10", "*^10", ".3", "s", "10s", ".0", "^11.2", "0", "010",
             "=10", "+", "-", " ", "#", ",", "_", "d", "x", ">3", "-^9", "z", "1", ".10", "^", "<",
             "010.2", "a<5", "\u00e9>6"]


def random_double(rng):
    r = rng.random()
    if r < 0.5:
        return rng.choice([-1, 1]) * 10 ** rng.uniform(-30, 30)
    if r < 0.7:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if r < 0.85:
        return rng.choice([-1, 1]) * rng.randint(0, 10 ** rng.randint(1, 20)) / 10 ** rng.randint(0, 8)
    return float(rng.randint(-10 ** 18, 10 ** 18))


def main():
    rng = random.Random(3112)
    doubles = FLOATS + [random_double(rng) for _ in range(700)]
    for v in doubles:
        print("R\t%s\t%s" % (fhex(v), esc(repr(v))))
    # Every fixed value with every spec is too many; each value with a fair share.
    for v in FLOATS:
        for spec in FLOAT_SPECS:
            if rng.random() < 0.35 or v in (1.5, -0.0, 1234567.891):
                case("F", fhex(v), v, spec)
    for _ in range(500):
        v = random_double(rng)
        case("F", fhex(v), v, rng.choice(FLOAT_SPECS))
    for _ in range(400):
        v = rng.choice(doubles)
        spec = (rng.choice(["", "", "*<", ">", "^", "=", "0>"]) + rng.choice(["", "", "+", " ", "-"])
                + rng.choice(["", "", "", "#"]) + rng.choice(["", "", "0"]) + rng.choice(["", "", "7", "14", "25"])
                + rng.choice(["", "", ",", "_"]) + rng.choice(["", "", ".0", ".2", ".6", ".12"])
                + rng.choice(["", "e", "E", "f", "F", "g", "G", "%"]))
        case("F", fhex(v), v, spec)
    for v in INTS:
        for spec in INT_SPECS:
            case("I", str(v), v, spec)
    for _ in range(300):
        v = rng.randint(-2 ** 63, 2 ** 63 - 1) >> rng.randint(0, 63)
        spec = (rng.choice(["", "", "*<", ">", "^", "="]) + rng.choice(["", "", "+", " "])
                + rng.choice(["", "", "#"]) + rng.choice(["", "", "0"]) + rng.choice(["", "", "9", "30"])
                + rng.choice(["", "", ",", "_"]) + rng.choice(["d", "x", "X", "o", "b", "", "e", ".3f", "%", "g"]))
        case("I", str(v), v, spec)
    for s in STRS:
        for spec in STR_SPECS:
            case("S", esc(s), s, spec)
        print("Q\t%s\t%s" % (esc(s), esc(repr(s))))
    for _ in range(400):
        s = "".join(chr(rng.choice([rng.randint(0, 127), rng.randint(128, 0x3000), rng.randint(0xE000, 0x10FFFF)]))
                    for _ in range(rng.randint(0, 8)))
        # Code points unassigned in this Python's Unicode database (14.0 for 3.11) may be
        # assigned in the JDK's newer one, so whether they print is version-dependent: leave them out.
        if any(unicodedata.category(c) == "Cn" for c in s):
            continue
        print("Q\t%s\t%s" % (esc(s), esc(repr(s))))


if __name__ == "__main__":
    main()
