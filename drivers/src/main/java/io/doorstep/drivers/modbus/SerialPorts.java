package io.doorstep.drivers.modbus;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The machine's serial ports as the operating system lists them, for a technician looking for
 * the adapter a line should use. Listing opens nothing. Pseudo-terminals (socat, simulators)
 * are not listed; a line may still use one by its path.
 */
public final class SerialPorts {
  /**
   * @param path e.g. /dev/ttyUSB0
   * @param description what the driver says of it, e.g. "FT232R USB UART"
   * @param location where it hangs, e.g. a USB port, when known
   */
  public record Port(String path, String description, String location) {}

  private SerialPorts() {}

  /** Sorted by path; blocking for a few milliseconds while the system is asked. */
  public static List<Port> list() {
    return Arrays.stream(SerialPort.getCommPorts())
        .map(p -> new Port(p.getSystemPortPath(), p.getPortDescription(), p.getPortLocation()))
        .sorted(Comparator.comparing(Port::path))
        .toList();
  }
}
