package io.doorstep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchMainTest {

  @Test
  void thePrintedCommandCanBePastedBackIntoAShell() {
    assertEquals("--rates 50,500 --out docs/benchmarks.md",
        BenchMain.shellWords(new String[] {"--rates", "50,500", "--out", "docs/benchmarks.md"}));
    assertEquals("--gateway-java-opts '-Xmx160m -XX:+UseSerialGC' --out 'it'\\''s.md'",
        BenchMain.shellWords(new String[] {"--gateway-java-opts", "-Xmx160m -XX:+UseSerialGC", "--out", "it's.md"}));
  }

  @Test
  void unknownRunsAreUsageErrors() {
    assertEquals(2, BenchMain.run(new String[] {"nonsense"}));
    assertEquals(2, BenchMain.run(new String[0]));
  }
}
