package io.doorstep.bench.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory and CPU time as Linux sees them, from {@code /proc/PID/status} and {@code stat}. */
public final class ProcStatus {
  /** USER_HZ, the unit of the CPU times in {@code stat}: 100 on every Linux Doorstep runs on. */
  private static final long TICKS_PER_SECOND = 100;

  private ProcStatus() {}

  /** User plus system CPU time the process has used so far, in nanoseconds, or -1. */
  public static long cpuNanos(long pid) {
    try {
      return parseCpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * CPU time the whole machine has been busy so far, all cores together, in nanoseconds, or -1:
   * user, nice, system, irq, softirq and steal (time the hypervisor gave to someone else).
   */
  public static long machineBusyNanos() {
    try {
      return parseMachineBusyNanos(Files.readString(Path.of("/proc/stat")));
    } catch (IOException e) {
      return -1;
    }
  }

  /** The first line of /proc/stat: "cpu  user nice system idle iowait irq softirq steal …". */
  static long parseMachineBusyNanos(String stat) {
    String[] f = stat.lines().findFirst().orElse("").trim().split("\\s+");
    long ticks = 0;
    for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
      ticks += Long.parseLong(f[field]);
    }
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }

  /** Fields 14 and 15 (utime, stime) of a stat line; the name in parentheses may hold spaces. */
  static long parseCpuNanos(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // f[0] is field 3 (state), so field n is f[n - 3].
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * (1_000_000_000L / TICKS_PER_SECOND);
  }

  /** Resident set size in bytes, or -1 when the process is gone or this is not Linux. */
  public static long rssBytes(long pid) {
    return field(pid, "VmRSS:");
  }

  /** The highest RSS the process ever had, in bytes, or -1. */
  public static long peakRssBytes(long pid) {
    return field(pid, "VmHWM:");
  }

  private static long field(long pid, String name) {
    try {
      return parseKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")), name);
    } catch (IOException e) {
      return -1;
    }
  }

  /** "VmRSS:	  123456 kB" -> 123456 * 1024; -1 when the field is missing. */
  static long parseKb(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name)) {
        String[] parts = line.substring(name.length()).trim().split("\\s+");
        try {
          return Long.parseLong(parts[0]) * 1024;
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }
}
