package io.doorstep.gateway.people;

/** A household and how many persons are registered in it now. */
public record HouseholdEntry(Household household, int persons) {}
