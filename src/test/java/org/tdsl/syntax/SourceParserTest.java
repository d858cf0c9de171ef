package org.tdsl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The AST the parser builds, and where it says things are. */
class SourceParserTest {
  private static Expr expr(String code) {
    List<Stmt> program = SourceParser.parse(code, "t.tdsl");
    return ((Stmt.ExprStmt) program.getFirst()).expr();
  }

  @Test
  void precedenceFollowsPython() {
    Expr.Unary neg = assertInstanceOf(Expr.Unary.class, expr("-x ** 2"));
    assertInstanceOf(Expr.Binary.class, neg.operand());
    Expr.Binary pow = assertInstanceOf(Expr.Binary.class, expr("a ** b ** c"));
    assertEquals(BinOp.POW, ((Expr.Binary) pow.right()).op());
    Expr.Logical or = assertInstanceOf(Expr.Logical.class, expr("not a == b or c and d"));
    assertInstanceOf(Expr.Unary.class, or.left());
    Expr.Binary matmul = assertInstanceOf(Expr.Binary.class, expr("a + b @ c"));
    assertEquals(BinOp.ADD, matmul.op());
  }

  @Test
  void comparisonsChainButParenthesesDoNot() {
    Expr.Compare chain = assertInstanceOf(Expr.Compare.class, expr("a < b <= c"));
    assertEquals(List.of(CmpOp.LT, CmpOp.LE), chain.ops());
    Expr.Compare nested = assertInstanceOf(Expr.Compare.class, expr("(a < b) == c"));
    assertEquals(List.of(CmpOp.EQ), nested.ops());
  }

  @Test
  void subscriptsKeepSlicesEllipsisAndTuples() {
    Expr.Index i = assertInstanceOf(Expr.Index.class, expr("t[..., 1:3, None]"));
    assertEquals(3, i.items().size());
    assertInstanceOf(Expr.EllipsisLiteral.class, i.items().get(0));
    assertInstanceOf(Expr.Slice.class, i.items().get(1));
    assertEquals(true, i.tuple());
    assertEquals(false, ((Expr.Index) expr("t[0]")).tuple());
    assertEquals(true, ((Expr.Index) expr("t[0,]")).tuple());
  }

  @Test
  void braceAfterAnExpressionIsABlockElseADict() {
    List<Stmt> p = SourceParser.parse("if d == {} { x = {\"lr\": 0.1,\n \"m\": 2} }\n{1: 2}", "t.tdsl");
    Stmt.If s = assertInstanceOf(Stmt.If.class, p.get(0));
    Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, s.blocks().getFirst().getFirst());
    assertInstanceOf(Expr.DictDisplay.class, a.value());
    assertInstanceOf(Expr.DictDisplay.class, ((Stmt.ExprStmt) p.get(1)).expr());
  }

  @Test
  void fStringFieldsKnowTheirColumns() {
    Stmt.Assign a = (Stmt.Assign) SourceParser.parse("s = f\"loss {loss.item():.4f}!\"", "t.tdsl").getFirst();
    Expr.FString f = assertInstanceOf(Expr.FString.class, a.value());
    assertEquals("loss ", f.parts().get(0));
    Expr.Field field = assertInstanceOf(Expr.Field.class, f.parts().get(1));
    assertEquals(".4f", field.spec());
    Expr.Call call = assertInstanceOf(Expr.Call.class, field.expr());
    assertEquals(new Pos("t.tdsl", 1, 18, 6), call.pos()); // `item()` inside the string
  }

  @Test
  void callPositionIsTheCalleeAndSpansToTheParenthesis() {
    Stmt.Assign a = (Stmt.Assign) SourceParser.parse("  x = fc1(x)", "t.tdsl").getFirst();
    assertEquals(new Pos("t.tdsl", 1, 7, 6), a.value().pos());
  }

  @Test
  void syntaxErrorsSayWhatWasExpected() {
    SyntaxError e = assertThrows(SyntaxError.class, () -> SourceParser.parse("x = (1,\n  2", "t.tdsl"));
    assertEquals("expected ')' to close '(' at 1:5", e.getMessage());
    e = assertThrows(SyntaxError.class, () -> SourceParser.parse("def f(a b) { }", "t.tdsl"));
    assertEquals("expected ')', found 'b'", e.getMessage());
    assertEquals(new Pos("t.tdsl", 1, 9, 1), e.pos());
    e = assertThrows(SyntaxError.class, () -> SourceParser.parse("x = [1, 2)", "t.tdsl"));
    assertEquals("expected ']' to close '[' at 1:5, found ')'", e.getMessage());
  }

  @Test
  void aClassStatementKeepsItsBasesBodyAndPlace() {
    Stmt.ClassDef c = assertInstanceOf(Stmt.ClassDef.class,
        SourceParser.parse("class Net(nn.Module, flag=M) {\n  x = 1\n  def f(self) { }\n}", "t.tdsl").getFirst());
    assertEquals("Net", c.name());
    assertEquals(2, c.bases().size());
    assertEquals(Expr.ArgKind.KEYWORD, c.bases().get(1).kind());
    assertEquals(2, c.body().size());
    assertEquals(List.of(), c.decorators());
    assertEquals(1, c.pos().line());
    assertEquals(7, c.pos().col());
    Stmt.ClassDef bare = assertInstanceOf(Stmt.ClassDef.class, SourceParser.parse("class A { }", "t.tdsl").getFirst());
    assertEquals(List.of(), bare.bases());
    assertEquals(false, SourceParser.isComplete("class A {"));
    // nothing can follow a finished class, as nothing can follow a def: both end at their }
    assertEquals(SourceParser.isComplete("def f() { }"), SourceParser.isComplete("class A { }"));
  }

  @Test
  void indentedSuitesAndBracesBuildTheSameTree() {
    List<Stmt> braces = SourceParser.parse("if a { b } else if c { d } else { e }", "t.tdsl");
    List<Stmt> indented = SourceParser.parse("if a:\n    b\nelif c:\n    d\nelse:\n    e\n", "t.tdsl");
    List<Stmt> oneLine = SourceParser.parse("if a: b\nelif c: d\nelse: e", "t.tdsl");
    for (List<Stmt> p : List.of(braces, indented, oneLine)) {
      assertEquals(1, p.size());
      Stmt.If s = assertInstanceOf(Stmt.If.class, p.getFirst());
      assertEquals(2, s.conditions().size());
      assertEquals(1, s.otherwise().size());
    }
  }

  @Test
  void aSuiteEndsWhereTheIndentationReturns() {
    List<Stmt> p = SourceParser.parse("for i in r:\n    for j in r:\n        a\n\n    # note\n    b\nc", "t.tdsl");
    assertEquals(2, p.size());
    Stmt.For outer = assertInstanceOf(Stmt.For.class, p.getFirst());
    assertEquals(2, outer.body().size());
    assertInstanceOf(Stmt.For.class, outer.body().getFirst());
  }

  @Test
  void indentationErrorsArePythons() {
    SyntaxError e = assertThrows(SyntaxError.class, () -> SourceParser.parse("if a:\nb", "t.tdsl"));
    assertEquals("IndentationError: expected an indented block after 'if' statement on line 1", e.getMessage());
    assertEquals(new Pos("t.tdsl", 2, 1, 1), e.pos());
    e = assertThrows(SyntaxError.class, () -> SourceParser.parse("if a:\n    b\n  c", "t.tdsl"));
    assertEquals("IndentationError: unindent does not match any outer indentation level", e.getMessage());
  }

  @Test
  void lambdaColonsAndSliceColonsOpenNoSuite() {
    List<Stmt> p = SourceParser.parse("if f(lambda x: x[1:2]): g = lambda: {1: 2}", "t.tdsl");
    Stmt.If s = assertInstanceOf(Stmt.If.class, p.getFirst());
    Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, s.blocks().getFirst().getFirst());
    assertInstanceOf(Expr.Lambda.class, a.value());
  }
}
