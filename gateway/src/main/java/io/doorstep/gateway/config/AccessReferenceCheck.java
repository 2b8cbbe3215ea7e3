package io.doorstep.gateway.config;

import io.doorstep.gateway.config.AccessConfig.Group;
import io.doorstep.gateway.config.AccessConfig.Passback;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The access section's names point at doors and schedules that exist, its ids are unique, and no
 * door belongs to two passback groups (it would have two answers to "did they go in last?").
 * A group naming a door that was renamed would otherwise silently keep its members out.
 */
final class AccessReferenceCheck {
  private AccessReferenceCheck() {}

  static void check(EstateConfig estate, YamlSource source) {
    AccessConfig access = estate.access();
    unique(source, "access.schedules", access.schedules(), AccessConfig.Schedule::id, "schedule id");
    unique(source, "access.groups", access.groups(), Group::id, "group id");
    unique(source, "access.passback", access.passback(), Passback::id, "passback group id");
    Set<String> doors = estate.doors().stream().map(EstateConfig.Door::id).collect(Collectors.toSet());
    Set<String> schedules = access.schedules().stream().map(AccessConfig.Schedule::id).collect(Collectors.toSet());
    for (int i = 0; i < access.groups().size(); i++) {
      Group group = access.groups().get(i);
      String path = source.item("access.groups", i);
      doorsExist(group.doors(), path + ".doors", doors, source);
      if (group.schedule() != null && !schedules.contains(group.schedule())) {
        source.problem(path + ".schedule", "no schedule " + Nodes.quote(group.schedule())
            + " is defined under access.schedules" + known(schedules));
      }
    }
    Map<String, String> passbackOf = new HashMap<>();
    for (int i = 0; i < access.passback().size(); i++) {
      Passback passback = access.passback().get(i);
      String path = source.item("access.passback", i);
      doorsExist(passback.doors(), path + ".doors", doors, source);
      for (int j = 0; j < passback.doors().size(); j++) {
        String door = passback.doors().get(j);
        String itemPath = source.item(path + ".doors", j);
        String earlier = passbackOf.putIfAbsent(door, itemPath);
        if (earlier != null) {
          source.problem(itemPath, "door " + door + " is already in a passback group at line " + source.line(earlier)
              + " (" + earlier + "); a door belongs to one passback group");
        }
      }
    }
  }

  private static void doorsExist(List<String> ids, String listPath, Set<String> doors, YamlSource source) {
    for (int j = 0; j < ids.size(); j++) {
      if (!doors.contains(ids.get(j))) {
        source.problem(source.item(listPath, j), "no door " + Nodes.quote(ids.get(j)) + " is defined under doors");
      }
    }
  }

  private static String known(Set<String> ids) {
    return ids.isEmpty() ? "" : "; defined are " + String.join(", ", ids.stream().sorted().toList());
  }

  private static <T> void unique(YamlSource source, String list, List<T> items, Function<T, String> id, String what) {
    Map<String, String> firstPath = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String text = id.apply(items.get(i));
      if (text == null) {
        continue;
      }
      String path = source.item(list, i) + ".id";
      String first = firstPath.putIfAbsent(text, path);
      if (first != null) {
        source.problem(path, "duplicate " + what + " " + Nodes.quote(text) + ", first used at line "
            + source.line(first) + " (" + first + ")");
      }
    }
  }
}
