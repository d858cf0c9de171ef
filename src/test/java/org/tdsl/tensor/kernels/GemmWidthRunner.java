package org.tdsl.tensor.kernels;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Runs the @Test methods of the named kernel test classes in this JVM and exits non-zero if
 * any fails. {@link GemmWidthsTest} starts it in a fresh JVM per vector width, because the
 * width is a static final chosen once per JVM.
 */
public final class GemmWidthRunner {
  public static void main(String[] args) throws Exception {
    int expected = Integer.parseInt(System.getProperty("tdsl.vector.bits"));
    if (VectorWidth.BITS != expected) {
      System.out.println("FAIL: vector bits " + VectorWidth.BITS + ", asked for " + expected);
      System.exit(1);
    }
    int failures = 0, passed = 0;
    for (String name : args) {
      Class<?> type = Class.forName("org.tdsl.tensor.kernels." + name);
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      for (Method method : type.getDeclaredMethods()) {
        if (!method.isAnnotationPresent(Test.class)) continue;
        method.setAccessible(true);
        try {
          method.invoke(constructor.newInstance());
          passed++;
        } catch (InvocationTargetException e) {
          failures++;
          System.out.println("FAIL " + name + "." + method.getName() + ": " + e.getCause());
        }
      }
    }
    System.out.println("vector bits " + expected + ": " + passed + " passed, " + failures + " failed");
    System.exit(failures == 0 && passed > 0 ? 0 : 1);
  }
}
