package io.doorstep.gateway.access;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The person lists terminals should hold: a person belongs on a device's list when one of their
 * groups covers its door and they are not blocked. The hour is left out on purpose: a terminal
 * deciding alone has only its list, and schedules are judged live by the gateway.
 */
public final class GroupScope implements AccessScope {
  private final AccessRules rules;
  private final Supplier<AccessLists.Lists> lists;
  private final Clock clock;

  public GroupScope(AccessRules rules, Supplier<AccessLists.Lists> lists, Clock clock) {
    this.rules = rules;
    this.lists = lists;
    this.clock = clock;
  }

  @Override
  public void follow(EstateConfig estate) {
    rules.follow(estate);
  }

  @Override
  public boolean mayUse(PersonRecord person, String deviceId) {
    EstateConfig.Door door = rules.doorOfDevice(deviceId);
    if (door == null) {
      return false;
    }
    AccessLists.Lists now = lists.get();
    if (now.blocks().blocking(person.id(), null, clock.millis()).isPresent()) {
      return false;
    }
    return !rules.groupsAt(person, door, now.members()).isEmpty();
  }

  @Override
  public List<String> cards(PersonRecord person) {
    Blocklist blocks = lists.get().blocks();
    long now = clock.millis();
    return person.cards().stream().filter(card -> !blocks.cardBlocked(card, now)).toList();
  }
}
