package io.doorstep.drivers.modbus.internal;

import io.doorstep.drivers.DeviceTimeoutException;
import io.doorstep.drivers.modbus.DeviceReading;
import io.doorstep.drivers.modbus.DeviceSilentException;
import io.doorstep.drivers.modbus.LineLostException;
import io.doorstep.drivers.modbus.ModbusLine;
import io.doorstep.drivers.modbus.PointDecoder;
import io.doorstep.drivers.modbus.PointValue;
import io.doorstep.drivers.modbus.PolledDevice;
import io.doorstep.drivers.modbus.Priority;
import io.doorstep.drivers.modbus.ReadBlock;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one device: its blocks read one after another, decoded into a reading. A block
 * that fails marks only its own points; whether the device is reachable at all is judged from
 * why the blocks failed.
 */
public final class DevicePoll {
  /**
   * @param reachable false when every block failed for want of an answer (time-out, silence,
   *     line lost); an exception response proves the device is there
   * @param reason why it is unreachable, or null
   */
  public record Outcome(DeviceReading reading, boolean reachable, String reason) {}

  private static final Logger log = LoggerFactory.getLogger(DevicePoll.class);

  private final ModbusLine line;
  private final PolledDevice device;
  private final List<ReadBlock> blocks;
  /**
   * Blocks whose last read failed with an answer that was wrong (an exception, a bad frame),
   * so that a block failing every second is logged once, not every second. Only touched on the
   * poller's context.
   */
  private final Set<ReadBlock> failing = new HashSet<>();

  public DevicePoll(ModbusLine line, PolledDevice device, List<ReadBlock> blocks) {
    this.line = line;
    this.device = device;
    this.blocks = List.copyOf(blocks);
  }

  public PolledDevice device() {
    return device;
  }

  public Future<Outcome> run(Priority priority) {
    Map<String, PointValue> values = new LinkedHashMap<>();
    int[] unreachable = {0};
    String[] reason = {null};
    Future<Void> chain = Future.succeededFuture();
    for (ReadBlock block : blocks) {
      chain = chain.compose(v -> read(block, priority)
          .map(decoded -> {
            values.putAll(decoded);
            if (failing.remove(block)) {
              log.info("{}: {} is read again", device.id(), describe(block));
            }
            return (Void) null;
          })
          .recover(error -> {
            values.putAll(PointDecoder.failed(block));
            if (isSilence(error)) {
              unreachable[0]++;
              reason[0] = reason[0] == null ? error.getMessage() : reason[0];
            } else if (failing.add(block)) {
              log.warn("{}: {} failed ({}); its points are marked failed until it is read again", device.id(),
                  describe(block), error.getMessage());
            }
            return Future.succeededFuture();
          }));
    }
    return chain.map(v -> {
      boolean reachable = blocks.isEmpty() || unreachable[0] < blocks.size();
      DeviceReading reading = new DeviceReading(device.id(), System.currentTimeMillis(), values);
      return new Outcome(reading, reachable, reachable ? null : reason[0]);
    });
  }

  private Future<Map<String, PointValue>> read(ReadBlock block, Priority priority) {
    int answerMs = device.profile().answerTimeMs();
    if (block.table().isBitTable()) {
      return line.readBits(device.unit(), block.table(), block.address(), block.count(), priority, answerMs)
          .map(bits -> PointDecoder.decode(block, bits));
    }
    return line.readRegisters(device.unit(), block.table(), block.address(), block.count(), priority, answerMs)
        .map(registers -> PointDecoder.decode(block, registers));
  }

  private static String describe(ReadBlock block) {
    return String.format("the read of %s 0x%04X ×%d", block.table().name().toLowerCase().replace('_', ' '),
        block.address(), block.count());
  }

  private static boolean isSilence(Throwable error) {
    return error instanceof DeviceTimeoutException
        || error instanceof DeviceSilentException
        || error instanceof LineLostException;
  }
}
