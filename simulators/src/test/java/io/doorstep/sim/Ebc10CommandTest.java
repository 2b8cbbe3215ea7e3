package io.doorstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.modbus.RtuRequest.ReadRegisters;
import io.doorstep.sim.modbus.RtuResponse.Registers;
import io.doorstep.sim.serial.PtyPair;
import io.doorstep.sim.serial.TestMaster;
import io.doorstep.sim.testing.Threads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ebc10CommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void noThreadsLeft() {
    Threads.assertNoneLeft();
  }

  private int run(String... args) {
    return SimulateCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ebc10", "ebc10 --addresses 1-3", "ebc10 --line /x --addresses 0-3",
      "ebc10 --line /x --addresses 5-2", "ebc10 --line /x --baud 9601",
      "ebc10 --line /x --plugged 2", "ebc10 --line /x --paced maybe", "ebc10 --line /x --speed",
      "ebc10 --line /x --colour red"})
  void badArgumentsPrintUsageAndExit2(String line) {
    assertEquals(2, run(line.split(" ")));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: simulate ebc10"));
  }

  @Test
  void parsesRangesAndLists() {
    assertEquals(List.of(1, 2, 3, 7), Ebc10Command.parse(
        "ebc10 --line /x --addresses 1-3,7".split(" ")).addresses());
  }

  @Test
  void aLineThatCannotOpenFails() {
    assertEquals(1, run("ebc10", "--line", "/nonexistent/tty", "--duration", "1"));
  }

  @Test
  void runsPilesThatAnswerOnTheLine() throws Exception {
    try (PtyPair pty = PtyPair.start()) {
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("ebc10",
          "--line", pty.a(), "--addresses", "1-3", "--plugged", "1", "--seed", "5",
          "--duration", "2"));
      Thread.sleep(500);
      try (TestMaster master = new TestMaster(pty.b(), 9600)) {
        Registers ports = (Registers) master.ask(new ReadRegisters(3, 4, 0x0100, 1));
        assertEquals(List.of(2), ports.values());
      }
      assertEquals(0, exit.get().intValue());
      String printed = out.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("ebc10: 3 piles at [1, 2, 3]"), printed);
      assertTrue(printed.contains("30 relays closed"), printed);
    }
  }
}
