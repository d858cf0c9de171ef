package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GEMM, convolution, pooling, elementwise, reduction and softmax tests at every vector
 * width and at the scalar fallback,
 * each in a fresh JVM started with {@code -Dtdsl.vector.bits}: the width is fixed per JVM.
 */
class GemmWidthsTest {
  static final List<String> KERNEL_TESTS = List.of("GemmTest", "Conv2dTest", "Pool2dTest", "KernelWidthsTest", "ExpLogTanhTest");

  @ParameterizedTest(name = "tdsl.vector.bits={0}")
  @ValueSource(ints = {0, 128, 256, 512})
  void kernelTestsPassAtWidth(int bits) throws Exception {
    String java = ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    var command = new java.util.ArrayList<>(List.of(java,
        "--add-modules", "jdk.incubator.vector", "-Dtdsl.vector.bits=" + bits,
        "-cp", System.getProperty("java.class.path"), GemmWidthRunner.class.getName()));
    command.addAll(KERNEL_TESTS);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.MINUTES);
    assertEquals(0, process.exitValue(), output);
  }
}
