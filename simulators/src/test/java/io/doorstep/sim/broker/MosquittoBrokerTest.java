package io.doorstep.sim.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class MosquittoBrokerTest {

  @Test
  void startsOnAFreeLoopbackPortAndAcceptsConnections() throws IOException {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      assertEquals("tcp://127.0.0.1:" + broker.port(), broker.url());
      assertTrue(accepts(broker.port()));
      assertTrue(Files.readString(broker.logFile()).contains("running"));
    }
  }

  @Test
  void restartKeepsThePort() {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      int port = broker.port();
      broker.stop();
      assertFalse(broker.isRunning());
      assertFalse(accepts(port));
      broker.restart();
      assertEquals(port, broker.port());
      assertTrue(accepts(port));
    }
  }

  @Test
  void closeStopsTheBroker() {
    MosquittoBroker broker = MosquittoBroker.start();
    int port = broker.port();
    broker.close();
    assertFalse(accepts(port));
  }

  @Test
  void twoBrokersGetTwoPorts() {
    try (MosquittoBroker a = MosquittoBroker.start(); MosquittoBroker b = MosquittoBroker.start()) {
      assertTrue(a.port() != b.port());
    }
  }

  @Test
  void aStoppedBrokerRefuses() {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      broker.stop();
      assertThrows(IOException.class, () -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", broker.port()), 500);
        }
      });
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
