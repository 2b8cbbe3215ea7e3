package io.doorstep.bench.modbus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * {@code doorstep bench modbus overhead|efficiency|hazard}: the RS-485 / Modbus benchmarks, each
 * printing a section for docs/benchmarks.md with its floor or theory beside its figures.
 */
public final class ModbusBench {
  private ModbusBench() {}

  /** @return 0 done, 1 the run failed, 2 bad usage */
  public static int run(String[] args, String commandLine) {
    ModbusOptions options;
    try {
      options = ModbusOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("doorstep bench modbus: " + e.getMessage());
      System.err.println(ModbusOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      System.out.println(ModbusOptions.USAGE);
      return 0;
    }
    String command = "./doorstep bench modbus " + commandLine;
    try {
      String section = switch (options.run()) {
        case "overhead" -> new OverheadRun(options).run(command);
        case "efficiency" -> new EfficiencyRun(options).run(command);
        case "hazard" -> new HazardRun(options).run(command);
        default -> throw new IllegalStateException(options.run());
      };
      System.out.print(section);
      if (options.out() != null) {
        Files.writeString(options.out(), "\n" + section, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      return 0;
    } catch (IllegalStateException e) {
      System.err.println("doorstep bench modbus " + options.run() + ": " + e.getMessage());
      return 1;
    } catch (Exception e) {
      System.err.println("doorstep bench modbus " + options.run() + ": failed: " + e);
      e.printStackTrace(System.err);
      return 1;
    }
  }
}
