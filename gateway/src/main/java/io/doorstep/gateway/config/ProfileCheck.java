package io.doorstep.gateway.config;

import io.doorstep.drivers.modbus.profile.AddressRange;
import io.doorstep.drivers.modbus.profile.DeviceProfile;
import io.doorstep.drivers.modbus.profile.Point;
import io.doorstep.drivers.modbus.profile.PointType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a profile's entries must agree on among themselves (names are unique already): points that do not
 * overlap (except bits of one register), no point in a range the device forbids reading.
 */
final class ProfileCheck {
  private ProfileCheck() {}

  static void check(DeviceProfile profile, Map<String, String> paths, YamlSource source) {
    for (Point p : profile.points()) {
      for (AddressRange r : profile.forbidden()) {
        if (r.overlaps(p.table(), p.address(), p.lastAddress())) {
          source.problem(paths.get(p.name()), "point " + p.name() + " lies in the range " + hex(r.from()) + ".."
              + hex(r.to()) + " that 'forbidden' says must never be read");
        }
      }
    }
    overlaps(profile.points(), paths, source);
  }

  private static void overlaps(List<Point> points, Map<String, String> paths, YamlSource source) {
    List<Point> sorted = points.stream()
        .sorted(Comparator.comparing(Point::table).thenComparingInt(Point::address)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      Point before = sorted.get(i - 1);
      Point p = sorted.get(i);
      boolean bitsOfOneRegister = p.type() == PointType.BIT && before.type() == PointType.BIT
          && p.address() == before.address() && p.bit() != before.bit();
      if (p.table() == before.table() && p.address() <= before.lastAddress() && !bitsOfOneRegister) {
        source.problem(paths.get(p.name()), "point " + p.name() + " overlaps point " + before.name() + " at "
            + hex(p.address()));
      }
    }
  }

  private static String hex(int address) {
    return String.format("0x%04X", address);
  }
}
