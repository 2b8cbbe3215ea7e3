package io.doorstep.gateway.access;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;

/** A set of people, the doors they may use, and when. */
public interface AccessGroup {
  String id();

  /** Whether the person belongs, by their kind or household, or by being added to the group. */
  boolean includes(PersonRecord person, Memberships members);

  /** Whether this group opens the door to this member. */
  boolean covers(PersonRecord person, EstateConfig.Door door);

  WeeklySchedule schedule();
}
