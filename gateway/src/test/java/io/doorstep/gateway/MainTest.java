package io.doorstep.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator meets it: exit codes and what is printed. */
class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void theShippedConfigurationChecksOut() {
    assertEquals(0, run("check-config", Path.of("..", "config", "gateway.yaml").toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("valid (estate xihu-haoyuan: 12 buildings"), out.toString());
  }

  @Test
  void aBrokenConfigurationListsEveryProblemAndExitsWith2() throws Exception {
    Files.createDirectories(dir.resolve("estates"));
    Files.writeString(dir.resolve("estates/e.yaml"), String.join("\n",
        "estate: {id: e, name: E}",
        "buildings: []",
        "doors:",
        "  - {id: G1, name: Gate, kind: pedestrian-gate, devices: [ft-nope]}",
        "devices: []",
        ""));
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, String.join("\n",
        "estate: estates/e.yaml",
        "web: {port: 80800}",
        "colour: blue",
        ""));

    assertEquals(2, run("check-config", file.toString()));
    String problems = err.toString(StandardCharsets.UTF_8);
    assertTrue(problems.startsWith("3 configuration problem(s):"), problems);
    assertTrue(problems.contains("gateway.yaml:2: web.port"), problems);
    assertTrue(problems.contains("gateway.yaml:3: colour"), problems);
    assertTrue(problems.contains("e.yaml:4: doors[0].devices[0]"), problems);
  }

  @Test
  void runWithABrokenConfigurationDoesNotStart() throws Exception {
    Path file = dir.resolve("gateway.yaml");
    Files.writeString(file, "estate: nowhere.yaml\n");
    assertEquals(2, run("run", "--config", file.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("nowhere.yaml"));
  }

  @Test
  void aMissingFileAndBadUsageExitWith2() {
    assertEquals(2, run("run", "--config", dir.resolve("absent.yaml").toString()));
    assertEquals(2, run("frobnicate"));
    assertEquals(2, run());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: doorstep"));
  }
}
