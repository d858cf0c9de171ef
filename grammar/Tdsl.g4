grammar Tdsl;
program : EOF ;
WS : [ \t\r\n]+ -> skip ;
