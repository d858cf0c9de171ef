package org.tdsl.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tdsl.api.Session;
import org.tdsl.api.TdslException;

/**
 * Hostile and careless input answered with PyTorch's and Python's plain errors, never an
 * internal one (issue 14, item 3, and the silently wrong sizes of item 5). The wording was
 * checked against Python 3 and torch 1.13.
 */
class PlainErrorsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      zeros(-5)                    | Trying to create tensor with negative dimension -5: [-5]
      randn(-1, 4)                 | Trying to create tensor with negative dimension -1: [-1, 4]
      rand(3, -1)                  | Trying to create tensor with negative dimension -1: [3, -1]
      ones(0, -1)                  | Trying to create tensor with negative dimension -1: [0, -1]
      empty(-2)                    | Trying to create tensor with negative dimension -2: [-2]
      `full((-2,), 1.)`            | Trying to create tensor with negative dimension -2: [-2]
      `randint(0, 3, (-2,))`       | Trying to create tensor with negative dimension -2: [-2]
      `zeros(-2, -3)`              | Trying to create tensor with negative dimension -2: [-2, -3]
      `zeros(-65536, 65536)`       | Trying to create tensor with negative dimension -65536: [-65536, 65536]
      eye(-3)                      | n must be greater or equal to 0, got -3
      `eye(2, -1)`                 | m must be greater or equal to 0, got -1
      arange(-5)                   | upper bound and larger bound inconsistent with step sign
      `arange(0., 5., -1.)`        | upper bound and larger bound inconsistent with step sign
      `nn.Linear(-2, -3)`          | Trying to create tensor with negative dimension -3: [-3, -2]
      `nn.Conv2d(1, -4, 3)`        | Trying to create tensor with negative dimension -4: [-4, 1, 3, 3]
      nn.BatchNorm1d(-3)           | Trying to create tensor with negative dimension -3: [-3]
      `nn.Embedding(-2, 3)`        | Trying to create tensor with negative dimension -2: [-2, 3]
      zeros(tensor(2**32+3))       | zeros(): size 4294967299 is out of range
      -None                        | bad operand type for unary -: 'NoneType'
      None[0]                      | 'NoneType' object is not subscriptable
      len(None)                    | object of type 'NoneType' has no len()
      int(None)                    | int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
      float(None)                  | float() argument must be a string or a real number, not 'NoneType'
      `isinstance(1, None)`        | isinstance() arg 2 must be a type, a tuple of types, or a union
      `f"{None:5}"`                | unsupported format string passed to NoneType.__format__
      None + 1                     | unsupported operand type(s) for +: 'NoneType' and 'int'
      1 + None                     | unsupported operand type(s) for +: 'int' and 'NoneType'
      None()                       | 'NoneType' object is not callable
      abs(None)                    | bad operand type for abs(): 'NoneType'
      `"abc"[None]`                | string indices must be integers, not 'NoneType'
      `len(range((-2)**63, 2**62))` | Python int too large to convert to C ssize_t
      round(1e300)                 | integer overflow: round(1e+300) does not fit in 64 bits
      `"abc".ljust(10**10)`        | MemoryError: a string of 10000000000 characters does not fit in memory
      `"abc".zfill(2**31)`         | MemoryError: a string of 2147483648 characters does not fit in memory
      """)
  void refusedInPlainWords(String source, String message) {
    TdslException e = assertThrows(TdslException.class, () -> Session.create().eval(source, "hostile.tdsl"));
    assertNotEquals(TdslException.Kind.INTERNAL, e.kind(), e.getMessage());
    assertEquals(message, e.message());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `"{}".format(None)`          | None
      `str([None, -0.0])`          | [None, -0.0]
      `None in [1, None]`          | True
      `range(0, 10**18, 2)[5]`     | 10
      `range(0, 10**18, 2)[-1]`    | 999999999999999998
      `bool(range((-2)**63, 2**62))` | True
      `len(range(10, 0, -3))`      | 4
      round(2.5)                   | 2
      """)
  void noneWhereItIsAValue(String source, String shown) {
    Session s = Session.create();
    s.eval("r = str(" + source + ")", "none.tdsl");
    assertEquals(shown, s.get("r"));
  }
}
