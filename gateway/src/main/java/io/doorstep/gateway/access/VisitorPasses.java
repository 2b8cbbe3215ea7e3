package io.doorstep.gateway.access;

import io.doorstep.gateway.store.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues visitor passes as signed QR text. A pass is valid by its signature alone, so issuing
 * needs no database to succeed; the issue is also recorded (visitor_passes) for the guards, in
 * the background.
 */
public final class VisitorPasses {
  private static final Logger log = LoggerFactory.getLogger(VisitorPasses.class);
  /** 72 random bits: unguessable, and short in the QR code. */
  private static final int ID_BYTES = 9;
  public static final int MAX_USES = 10_000;

  private final PassCodec codec;
  private final Store store;
  private final AccessRules rules;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public VisitorPasses(PassCodec codec, Store store, AccessRules rules, Clock clock) {
    this.codec = codec;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The QR text of a new pass.
   *
   * @param doors door ids of the estate file
   * @param validFrom Unix ms, inclusive
   * @param validTo Unix ms, exclusive
   * @param uses openings allowed, 1..{@value #MAX_USES}; 0 for any number within the window
   * @param visitorName for the record; not in the code, which strangers may read
   * @throws IllegalArgumentException for an unknown door, an empty window or a bad count
   */
  public String issue(List<String> doors, long validFrom, long validTo, int uses, String visitorName) {
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
    store.write(c -> {
      StateRows.savePass(c, pass, visitorName.strip(), now);
      return null;
    }).onFailure(e -> log.warn("visitor pass {} for {} works but is not in the record: {}", pass.id(),
        visitorName, e.getMessage()));
    return codec.encode(pass);
  }

  /** What a QR text grants, if the gateway signed it. */
  public Optional<VisitorPass> read(String qr) {
    return codec.verify(qr);
  }

  private String newId() {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }
}
