// The tdsl grammar. Newlines are significant tokens; the Java-side TokenFilter
// (org.tdsl.syntax.TokenFilter) drops the ones that do not end a statement (inside
// () [] or dict braces, after a binary operator, before `else`), adds one after a
// block's closing brace or dedent, and turns indentation into INDENT / DEDENT tokens,
// so the rules below stay free of layout concerns.
grammar Tdsl;

// Made by the TokenFilter from the indentation of lines, never by the lexer.
tokens { INDENT, DEDENT }

// ---------------------------------------------------------------- parser rules

program
    : sep* (statement (sep+ statement)*)? sep* EOF
    ;

sep
    : NEWLINE
    | SEMI
    ;

// A block is braces or Python's indented suite; the TokenFilter makes INDENT and DEDENT
// (and wraps a one-line suite, `if x: return 1`, in them too).
block
    : LBRACE sep* (statement (sep+ statement)*)? sep* RBRACE              # braceBlock
    | COLON NEWLINE? INDENT sep* statement (sep+ statement)* sep* DEDENT  # indentBlock
    ;

statement
    : IF expr block ((ELSE IF | ELIF) expr block)* (ELSE block)? # ifStmt
    | WHILE expr block (ELSE block)?                            # whileStmt
    | FOR forTarget IN exprList block (ELSE block)?             # forStmt
    | decorator* DEF NAME LPAREN params? RPAREN (ARROW expr)? block   # defStmt
    | decorator* classStmt                                      # classDefStmt
    | WITH withItem (COMMA withItem)* block                     # withStmt
    | TRY block exceptClause* (ELSE block)? (FINALLY block)?    # tryStmt
    | IMPORT STRING                                             # importStmt
    | IMPORT dottedAs (COMMA dottedAs)*                         # importModuleStmt
    | FROM DOT* dotted? IMPORT importTargets                    # fromImportStmt
    | RETURN exprList?                                          # returnStmt
    | RAISE (expr (FROM expr)?)?                                # raiseStmt
    | DEL exprList                                              # delStmt
    | GLOBAL NAME (COMMA NAME)*                                 # globalStmt
    | NONLOCAL NAME (COMMA NAME)*                               # nonlocalStmt
    | BREAK                                                     # breakStmt
    | CONTINUE                                                  # continueStmt
    | PASS                                                      # passStmt
    | ASSERT expr (COMMA expr)?                                 # assertStmt
    | exprList augOp (yieldExpr | exprList)                     # augAssignStmt
    | exprList COLON expr (ASSIGN (yieldExpr | exprList))?      # annAssignStmt
    | yieldExpr                                                 # yieldStmt
    | exprList (ASSIGN (yieldExpr | exprList))*                 # exprOrAssignStmt
    ;

classStmt
    : CLASS NAME (LPAREN args? RPAREN)? block
    ;

decorator
    : AT expr NEWLINE
    ;

withItem
    : expr (AS forTarget)?
    ;

exceptClause
    : EXCEPT (expr (AS NAME)?)? block
    ;

dotted
    : NAME (DOT NAME)*
    ;

dottedAs
    : dotted (AS NAME)?
    ;

importTargets
    : STAR
    | LPAREN importName (COMMA importName)* COMMA? RPAREN
    | importName (COMMA importName)*
    ;

importName
    : NAME (AS NAME)?
    ;

yieldExpr
    : YIELD (FROM expr | exprList)?
    ;

augOp
    : PLUS_ASSIGN
    | MINUS_ASSIGN
    | STAR_ASSIGN
    | SLASH_ASSIGN
    | DSLASH_ASSIGN
    | PERCENT_ASSIGN
    | POW_ASSIGN
    | AT_ASSIGN
    | AMP_ASSIGN
    | PIPE_ASSIGN
    | CARET_ASSIGN
    | LSHIFT_ASSIGN
    | RSHIFT_ASSIGN
    ;

forTarget
    : forAtom (COMMA forAtom)* COMMA?
    ;

forAtom
    : NAME
    | STAR NAME
    | LPAREN forTarget RPAREN
    | LBRACK forTarget RBRACK
    ;

params
    : param (COMMA param)* COMMA?
    ;

param
    : NAME (COLON annotation=expr)? (ASSIGN expr)?              # plainParam
    | STAR (NAME (COLON annotation=expr)?)?                     # starParam
    | POW NAME (COLON annotation=expr)?                         # kwargsParam
    | SLASH                                                     # positionalOnlyMarker
    ;

lambdaParams
    : lambdaParam (COMMA lambdaParam)* COMMA?
    ;

lambdaParam
    : NAME (ASSIGN expr)?                                       # plainLambdaParam
    | STAR NAME?                                                # starLambdaParam
    | POW NAME                                                  # kwargsLambdaParam
    ;

exprList
    : expr (COMMA expr)* COMMA?
    ;

expr
    : expr LPAREN args? RPAREN                                  # callExpr
    | expr DOT NAME                                             # memberExpr
    | expr LBRACK subscript (COMMA subscript)* COMMA? RBRACK    # indexExpr
    | <assoc=right> expr POW expr                               # powerExpr
    | op=(MINUS | PLUS | TILDE) expr                            # unaryExpr
    | expr op=(STAR | SLASH | DSLASH | PERCENT | AT) expr       # mulExpr
    | expr op=(PLUS | MINUS) expr                               # addExpr
    | expr op=(LSHIFT | RSHIFT) expr                            # shiftExpr
    | expr AMP expr                                             # bitAndExpr
    | expr CARET expr                                           # bitXorExpr
    | expr PIPE expr                                            # bitOrExpr
    | expr compOp expr                                          # compareExpr
    | NOT expr                                                  # notExpr
    | expr AND expr                                             # andExpr
    | expr OR expr                                              # orExpr
    | <assoc=right> expr IF expr ELSE expr                      # conditionalExpr
    | LAMBDA lambdaParams? COLON expr                           # lambdaExpr
    | <assoc=right> NAME WALRUS expr                            # walrusExpr
    | STAR expr                                                 # starredExpr
    | NAME                                                      # nameExpr
    | INT                                                       # intExpr
    | FLOAT                                                     # floatExpr
    | (STRING | FSTRING)+                                       # stringExpr
    | TRUE                                                      # trueExpr
    | FALSE                                                     # falseExpr
    | NONE                                                      # noneExpr
    | ELLIPSIS                                                  # ellipsisExpr
    | LPAREN RPAREN                                             # emptyTupleExpr
    | LPAREN yieldExpr RPAREN                                   # parenYieldExpr
    | LPAREN expr comprehension RPAREN                          # generatorExpr
    | LPAREN expr RPAREN                                        # parenExpr
    | LPAREN expr COMMA (expr (COMMA expr)* COMMA?)? RPAREN     # tupleExpr
    | LBRACK expr comprehension RBRACK                          # listCompExpr
    | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                # listExpr
    | LBRACE dictEntry comprehension RBRACE                     # dictCompExpr
    | LBRACE expr comprehension RBRACE                          # setCompExpr
    | LBRACE (dictEntry (COMMA dictEntry)* COMMA?)? RBRACE      # dictExpr
    | LBRACE expr (COMMA expr)* COMMA? RBRACE                   # setExpr
    ;

comprehension
    : compFor+
    ;

compFor
    : FOR forTarget IN expr (IF expr)*
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
    | POW expr                                                  # kwargsArg
    | expr comprehension                                        # generatorArg
    | expr                                                      # positionalArg
    ;

subscript
    : lower=expr? COLON upper=expr? (COLON step=expr?)?         # sliceSubscript
    | expr                                                      # plainSubscript
    ;

dictEntry
    : expr COLON expr                                           # keyValueEntry
    | POW expr                                                  # unpackEntry
    ;

// ---------------------------------------------------------------- lexer rules

IF       : 'if' ;
ELIF     : 'elif' ;
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
TRY      : 'try' ;
EXCEPT   : 'except' ;
FINALLY  : 'finally' ;
RAISE    : 'raise' ;
FROM     : 'from' ;
DEL      : 'del' ;
GLOBAL   : 'global' ;
NONLOCAL : 'nonlocal' ;
LAMBDA   : 'lambda' ;
YIELD    : 'yield' ;
ASYNC    : 'async' ;
AWAIT    : 'await' ;
TRUE     : 'True' | 'true' ;
FALSE    : 'False' | 'false' ;
NONE     : 'None' | 'none' ;

NAME : [a-zA-Z_] [a-zA-Z_0-9]* ;

FLOAT
    : DIGITS '.' DIGITS? EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;
INT
    : DIGITS
    | '0' [xX] ( '_'? [0-9a-fA-F] )+
    | '0' [oO] ( '_'? [0-7] )+
    | '0' [bB] ( '_'? [01] )+
    ;

FSTRING : ( [fF] [rR]? | [rR] [fF] ) ( '"' ( ESCAPE | ~["\\\r\n] )* '"' | '\'' ( ESCAPE | ~['\\\r\n] )* '\'' ) ;
STRING
    : STRING_PREFIX? '"""' ( ESCAPE | . )*? '"""'
    | STRING_PREFIX? '\'\'\'' ( ESCAPE | . )*? '\'\'\''
    | STRING_PREFIX? '"' ( ESCAPE | ~["\\\r\n] )* '"'
    | STRING_PREFIX? '\'' ( ESCAPE | ~['\\\r\n] )* '\''
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
DSLASH_ASSIGN : '//=' ;
PERCENT_ASSIGN : '%=' ;
POW_ASSIGN   : '**=' ;
AT_ASSIGN    : '@=' ;
AMP_ASSIGN   : '&=' ;
PIPE_ASSIGN  : '|=' ;
CARET_ASSIGN : '^=' ;
LSHIFT_ASSIGN : '<<=' ;
RSHIFT_ASSIGN : '>>=' ;
ARROW        : '->' ;
WALRUS       : ':=' ;
LSHIFT       : '<<' ;
RSHIFT       : '>>' ;
AMP          : '&' ;
PIPE         : '|' ;
CARET        : '^' ;
TILDE        : '~' ;
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
// r"raw" (no escapes), b"bytes" (read as a str: tdsl has no bytes type), u"text"
fragment STRING_PREFIX : [rRuU] | [bB] [rR]? | [rR] [bB] ;
