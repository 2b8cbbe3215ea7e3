package io.doorstep.gateway.access;

import io.doorstep.gateway.store.Store;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues visitor passes as signed QR text, lists them and revokes them. A pass is valid by its
 * signature alone, so issuing needs no database to succeed; the issue is also recorded
 * (visitor_passes) for the office, in the background. Revoking is the one thing the signature
 * cannot carry: it is kept in the record and in {@link PassRevocations}, which the door reads.
 */
public final class VisitorPasses {
  /** 72 random bits: unguessable, and short in the QR code. */
  private static final int ID_BYTES = 9;
  public static final int MAX_USES = 10_000;

  private final PassCodec codec;
  private final Store store;
  private final AccessRules rules;
  private final PassRevocations revocations;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  VisitorPasses(PassCodec codec, Store store, AccessRules rules, PassRevocations revocations, Clock clock) {
    this.codec = codec;
    this.store = store;
    this.rules = rules;
    this.revocations = revocations;
    this.clock = clock;
  }

  /**
   * The QR text of a new pass, given once the pass is in the record: a pass the office could not
   * find again in its list, nor revoke, is not handed out.
   *
   * @param doors door ids of the estate file
   * @param validFrom Unix ms, inclusive
   * @param validTo Unix ms, exclusive
   * @param uses openings allowed, 1..{@value #MAX_USES}; 0 for any number within the window
   * @param visitorName for the record; not in the code, which strangers may read
   * @param host the person or household id the visitor comes to, for the record; or null
   * @param issuedBy the office user, for the record
   * @throws IllegalArgumentException for an unknown door, an empty window or a bad count
   */
  public Future<String> issue(List<String> doors, long validFrom, long validTo, int uses, String visitorName,
      String host, String issuedBy) {
    if (doors == null || doors.isEmpty()) {
      throw new IllegalArgumentException("a pass needs at least one door");
    }
    for (String door : doors) {
      if (!rules.isDoor(door)) {
        throw new IllegalArgumentException("no door '" + door + "' in the estate file");
      }
    }
    if (validTo <= validFrom) {
      throw new IllegalArgumentException("validTo must be after validFrom");
    }
    if (uses < 0 || uses > MAX_USES) {
      throw new IllegalArgumentException("uses must be 0 (any number) to " + MAX_USES + ", got " + uses);
    }
    if (visitorName == null || visitorName.isBlank()) {
      throw new IllegalArgumentException("a pass needs the visitor's name");
    }
    VisitorPass pass = new VisitorPass(newId(), List.copyOf(new LinkedHashSet<>(doors)), validFrom, validTo, uses);
    long now = clock.millis();
    return store.write(c -> {
      PassRows.save(c, pass, visitorName.strip(), host, issuedBy, now);
      return null;
    }).map(v -> codec.encode(pass));
  }

  /** What a QR text grants, if the gateway signed it. */
  public Optional<VisitorPass> read(String qr) {
    return codec.verify(qr);
  }

  /** Whether the office took this pass back; from memory. */
  public boolean revoked(String passId) {
    return revocations.revoked(passId);
  }

  /** The record, newest first; {@code state} null for every pass. */
  public Future<List<IssuedPass>> list(PassState state, int offset, int limit) {
    long now = clock.millis();
    return store.read(c -> PassRows.list(c, state, offset, limit, now));
  }

  public Future<Optional<IssuedPass>> find(String id) {
    long now = clock.millis();
    return store.read(c -> Optional.ofNullable(PassRows.one(c, id, now)));
  }

  /**
   * The pass's QR text again, for printing once more. Signing is deterministic, so this is the
   * very text issued: the record keeps what the code carries, in the same order.
   */
  public String code(IssuedPass issued) {
    return codec.encode(issued.pass());
  }

  /** The canonical id of the person or household {@code text} names, if there is one. */
  public Future<Optional<String>> host(String text) {
    return store.read(c -> Optional.ofNullable(PassRows.host(c, text)));
  }

  /** What a revocation found and left; {@code before} null for no such pass. */
  public record Revocation(IssuedPass before, IssuedPass after) {
    public boolean done() {
      return after != null;
    }
  }

  /**
   * Revokes a pass: refused at every door from the next scan. Not done (after null) for a pass
   * not in the record or one revoked already; told apart by {@code before}.
   */
  public Future<Revocation> revoke(String id, String by) {
    long now = clock.millis();
    // A refusal is returned rather than thrown: a throw would fail the other writes of its batch.
    return store.write(c -> {
      IssuedPass before = PassRows.one(c, id, now);
      if (before == null || !PassRows.revoke(c, id, now, by)) {
        return new Revocation(before, null);
      }
      return new Revocation(before, PassRows.one(c, id, now));
    }).map(r -> {
      if (r.done()) {
        revocations.addAll(Set.of(id));
      }
      return r;
    });
  }

  private String newId() {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }
}
