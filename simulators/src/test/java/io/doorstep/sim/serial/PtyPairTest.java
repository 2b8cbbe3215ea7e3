package io.doorstep.sim.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PtyPairTest {

  @Test
  void bytesWrittenAtOneEndArriveAtTheOtherAlsoAfterARestart() {
    try (PtyPair pty = PtyPair.start()) {
      String a = pty.a();
      assertEquals(new byte[] {1, 2, 3}.length, roundTrip(pty).length);
      pty.restart();
      assertEquals(a, pty.a());
      assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(pty));
      pty.close();
      assertFalse(pty.isRunning());
      assertFalse(Files.exists(Path.of(a)));
    }
  }

  private static byte[] roundTrip(PtyPair pty) {
    SerialPort a = SerialPort.getCommPort(pty.a());
    SerialPort b = SerialPort.getCommPort(pty.b());
    assertTrue(a.openPort() && b.openPort());
    try {
      b.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 2000, 0);
      a.writeBytes(new byte[] {1, 2, 3}, 3);
      byte[] got = new byte[3];
      assertEquals(3, b.readBytes(got, 3));
      return got;
    } finally {
      a.closePort();
      b.closePort();
    }
  }
}
