package io.doorstep.gateway.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which configured groups each person was added to, beyond the groups their kind gives them. Immutable. */
public final class Memberships {
  private static final Memberships NONE = new Memberships(Map.of());

  /** @param personId who; @param groupId a group of the estate file */
  public record Member(String personId, String groupId) {}

  private final Map<String, Set<String>> groupsOf;

  private Memberships(Map<String, Set<String>> groupsOf) {
    this.groupsOf = groupsOf;
  }

  public static Memberships none() {
    return NONE;
  }

  public static Memberships of(List<Member> members) {
    Map<String, Set<String>> map = new HashMap<>();
    members.forEach(m -> map.computeIfAbsent(m.personId(), k -> new HashSet<>()).add(m.groupId()));
    Map<String, Set<String>> frozen = new HashMap<>();
    map.forEach((person, groups) -> frozen.put(person, Set.copyOf(groups)));
    return new Memberships(Map.copyOf(frozen));
  }

  public Set<String> groupsOf(String personId) {
    return personId == null ? Set.of() : groupsOf.getOrDefault(personId, Set.of());
  }
}
