package org.tdsl.api;

import java.util.List;

/**
 * A Java function that tdsl code calls like any other: {@code session.set("lookup", (JavaFunction)
 * args -> ...)} makes {@code lookup(x, 3)} work in the program. The arguments arrive converted to
 * Java as {@link Session#get} converts values (tensors stay tensors, lists become Lists, ints
 * Longs); the result goes back converted as {@link Session#set} converts it. An exception it
 * throws becomes a tdsl error at the call, with the exception's class and message, so the
 * program's traceback points at the line that called it.
 */
@FunctionalInterface
public interface JavaFunction {
  Object call(List<Object> args) throws Exception;
}
