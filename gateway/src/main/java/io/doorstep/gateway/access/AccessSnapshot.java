package io.doorstep.gateway.access;

/**
 * Everything a decision reads, all in memory. The persons, memberships and blocklist are
 * immutable snapshots swapped whole on a change; anti-passback and pass usage are the access
 * verticle's own state, which only it changes and only after answering.
 */
public record AccessSnapshot(
    PersonDirectory persons,
    AccessRules rules,
    Memberships members,
    Blocklist blocks,
    PassbackState passback,
    PassUsage usage) {}
