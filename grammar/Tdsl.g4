// The tdsl grammar. Newlines are significant tokens; the Java-side TokenFilter
// (org.tdsl.syntax.TokenFilter) drops the ones that do not end a statement (inside
// () [] or dict braces, after a binary operator, before `else`) and adds one after a
// block's closing brace, so the rules below stay free of layout concerns.
grammar Tdsl;

// ---------------------------------------------------------------- parser rules

program
    : sep* (statement (sep+ statement)*)? sep* EOF
    ;

sep
    : NEWLINE
    | SEMI
    ;

block
    : LBRACE sep* (statement (sep+ statement)*)? sep* RBRACE
    ;

statement
    : IF expr block (ELSE IF expr block)* (ELSE block)?        # ifStmt
    | WHILE expr block                                          # whileStmt
    | FOR forTarget IN exprList block                           # forStmt
    | DEF NAME LPAREN params? RPAREN block                      # defStmt
    | CLASS NAME (LPAREN args? RPAREN)? block                   # classStmt
    | WITH expr (AS forTarget)? block                           # withStmt
    | IMPORT STRING                                             # importStmt
    | RETURN exprList?                                          # returnStmt
    | BREAK                                                     # breakStmt
    | CONTINUE                                                  # continueStmt
    | PASS                                                      # passStmt
    | ASSERT expr (COMMA expr)?                                 # assertStmt
    | exprList augOp exprList                                   # augAssignStmt
    | exprList (ASSIGN exprList)*                               # exprOrAssignStmt
    ;

augOp
    : PLUS_ASSIGN
    | MINUS_ASSIGN
    | STAR_ASSIGN
    | SLASH_ASSIGN
    ;

forTarget
    : forAtom (COMMA forAtom)* COMMA?
    ;

forAtom
    : NAME
    | LPAREN forTarget RPAREN
    | LBRACK forTarget RBRACK
    ;

params
    : param (COMMA param)* COMMA?
    ;

param
    : NAME (ASSIGN expr)?                                       # plainParam
    | STAR NAME?                                                # starParam
    | POW NAME                                                 # kwargsParam
    ;

exprList
    : expr (COMMA expr)* COMMA?
    ;

expr
    : expr LPAREN args? RPAREN                                  # callExpr
    | expr DOT NAME                                             # memberExpr
    | expr LBRACK subscript (COMMA subscript)* COMMA? RBRACK    # indexExpr
    | <assoc=right> expr POW expr                               # powerExpr
    | op=(MINUS | PLUS) expr                                    # unaryExpr
    | expr op=(STAR | SLASH | DSLASH | PERCENT | AT) expr       # mulExpr
    | expr op=(PLUS | MINUS) expr                               # addExpr
    | expr compOp expr                                          # compareExpr
    | NOT expr                                                  # notExpr
    | expr AND expr                                             # andExpr
    | expr OR expr                                              # orExpr
    | <assoc=right> expr IF expr ELSE expr                      # conditionalExpr
    | NAME                                                      # nameExpr
    | INT                                                       # intExpr
    | FLOAT                                                     # floatExpr
    | STRING+                                                   # stringExpr
    | FSTRING                                                   # fstringExpr
    | TRUE                                                      # trueExpr
    | FALSE                                                     # falseExpr
    | NONE                                                      # noneExpr
    | ELLIPSIS                                                  # ellipsisExpr
    | LPAREN RPAREN                                             # emptyTupleExpr
    | LPAREN expr RPAREN                                        # parenExpr
    | LPAREN expr COMMA (expr (COMMA expr)* COMMA?)? RPAREN     # tupleExpr
    | LBRACK expr FOR forTarget IN expr (IF expr)? RBRACK       # listCompExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                # listExpr
    | LBRACE (dictEntry (COMMA dictEntry)* COMMA?)? RBRACE      # dictExpr
    ;

compOp
    : EQ
    | NE
    | LT
    | LE
    | GT
    | GE
    | IN
    | NOT IN
    | IS NOT      // before IS: else `x is not None` parses as `x is (not None)`
    | IS
    ;

args
    : arg (COMMA arg)* COMMA?
    ;

arg
    : NAME ASSIGN expr                                          # keywordArg
    | STAR expr                                                 # starArg
    | POW expr                                                 # kwargsArg
    | expr                                                      # positionalArg
    ;

subscript
    : lower=expr? COLON upper=expr? (COLON step=expr?)?         # sliceSubscript
    | expr                                                      # plainSubscript
    ;

dictEntry
    : expr COLON expr
    ;

// ---------------------------------------------------------------- lexer rules

IF       : 'if' ;
ELSE     : 'else' ;
WHILE    : 'while' ;
FOR      : 'for' ;
IN       : 'in' ;
DEF      : 'def' ;
CLASS    : 'class' ;
RETURN   : 'return' ;
BREAK    : 'break' ;
CONTINUE : 'continue' ;
PASS     : 'pass' ;
WITH     : 'with' ;
AS       : 'as' ;
IMPORT   : 'import' ;
ASSERT   : 'assert' ;
AND      : 'and' ;
OR       : 'or' ;
NOT      : 'not' ;
IS       : 'is' ;
TRUE     : 'True' | 'true' ;
FALSE    : 'False' | 'false' ;
NONE     : 'None' | 'none' ;

NAME : [a-zA-Z_] [a-zA-Z_0-9]* ;

FLOAT
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;
INT : DIGITS ;

FSTRING : [fF] ( '"' ( ESCAPE | ~["\\\r\n] )* '"' | '\'' ( ESCAPE | ~['\\\r\n] )* '\'' ) ;
STRING
    : '"""' ( ESCAPE | . )*? '"""'
    | '\'\'\'' ( ESCAPE | . )*? '\'\'\''
    | '"' ( ESCAPE | ~["\\\r\n] )* '"'
    | '\'' ( ESCAPE | ~['\\\r\n] )* '\''
    ;

ELLIPSIS     : '...' ;
LPAREN       : '(' ;
RPAREN       : ')' ;
LBRACK       : '[' ;
RBRACK       : ']' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
COMMA        : ',' ;
COLON        : ':' ;
SEMI         : ';' ;
DOT          : '.' ;
PLUS_ASSIGN  : '+=' ;
MINUS_ASSIGN : '-=' ;
STAR_ASSIGN  : '*=' ;
SLASH_ASSIGN : '/=' ;
EQ           : '==' ;
NE           : '!=' ;
LE           : '<=' ;
GE           : '>=' ;
LT           : '<' ;
GT           : '>' ;
ASSIGN       : '=' ;
POW          : '**' ;
STAR         : '*' ;
DSLASH       : '//' ;
SLASH        : '/' ;
PERCENT      : '%' ;
AT           : '@' ;
PLUS         : '+' ;
MINUS        : '-' ;

NEWLINE      : '\r'? '\n' ;
CONTINUATION : '\\' '\r'? '\n' -> channel(HIDDEN) ;
WS           : [ \t\f]+ -> channel(HIDDEN) ;
COMMENT      : '#' ~[\r\n]* -> channel(HIDDEN) ;

ERROR_CHAR : . ;

fragment DIGITS   : [0-9] ( '_'? [0-9] )* ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
fragment ESCAPE   : '\\' . ;
