package io.doorstep.gateway.access;

/**
 * Everything a decision reads, all in memory. The persons, memberships and blocklist are
 * immutable snapshots swapped whole on a change; anti-passback and pass usage are the access
 * verticle's own state, which only it changes and only after answering. The revoked passes are
 * read live: the office adds to them, and a scan after its answer must see the addition.
 */
public record AccessSnapshot(
    PersonDirectory persons,
    AccessRules rules,
    Memberships members,
    Blocklist blocks,
    PassbackState passback,
    PassUsage usage,
    PassRevocations revocations) {}
