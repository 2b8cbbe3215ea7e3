package io.doorstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.doorstep.sim.broker.MosquittoBroker;
import io.doorstep.sim.testing.FakeGateway;
import io.doorstep.sim.testing.Threads;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulateCliTest {

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
      "",
      "door --broker tcp://127.0.0.1:1 --sn FT1",
      "face-terminal --sn FT1",
      "face-terminal --broker tcp://127.0.0.1:1",
      "face-terminal --broker tcp://127.0.0.1:1 --sn ,",
      "face-terminal --broker tcp://127.0.0.1:1 --sn FT1 --rate fast",
      "face-terminal --broker tcp://127.0.0.1:1 --sn FT1 --rate 0",
      "face-terminal --broker tcp://127.0.0.1:1 --sn FT1 --stranger-ratio 1.5",
      "face-terminal --broker tcp://127.0.0.1:1 --sn FT1 --duration",
      "face-terminal --broker tcp://127.0.0.1:1 --sn FT1 --colour red",
      "face-terminal --broker tcp://127.0.0.1:1 --sn FT1 --persons /no/such/file"})
  void badArgumentsPrintUsageAndExit2(String line) {
    assertEquals(2, run(line.isEmpty() ? new String[0] : line.split(" ")));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: simulate face-terminal"));
  }

  @Test
  void sendsVerificationsAndPrintsOutcomesAndASummary(@TempDir Path dir) throws Exception {
    Path persons = dir.resolve("persons.txt");
    Files.write(persons, List.of("# residents", "R1001", "R1002"));
    try (MosquittoBroker broker = MosquittoBroker.start();
        FakeGateway gateway = new FakeGateway(broker.url(), "gw", "ft/+/up/verify")) {
      gateway.onMessage(r -> gateway.publish(r.topic().replace("/up/verify", "/down/verify-result"),
          new JsonObject().put("msgId", "g").put("ts", 1L)
              .put("reqMsgId", r.json().getString("msgId")).put("decision", "open")));

      int code = run("face-terminal", "--broker", broker.url(), "--sn", "FTA,FTB", "--rate", "20",
          "--duration", "0.5", "--stranger-ratio", "0", "--persons", persons.toString());

      String printed = out.toString(StandardCharsets.UTF_8);
      assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
      assertTrue(printed.lines().anyMatch(l -> l.matches("FT[AB] face open - [0-9.]+ ms gateway")),
          printed);
      assertTrue(printed.contains("summary: "), printed);
      assertTrue(gateway.all().stream()
          .allMatch(r -> List.of("R1001", "R1002").contains(r.json().getString("personId"))));
    }
  }

  @Test
  void aBrokerThatIsNotThereFailsWith1() {
    MosquittoBroker gone = MosquittoBroker.start();
    String url = gone.url();
    gone.close();
    int code = SimulateCli.run(new String[] {"face-terminal", "--broker", url, "--sn", "FT1"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(1));
    assertEquals(1, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("FT1"));
  }
}
