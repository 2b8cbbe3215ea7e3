package io.doorstep.gateway.access;

import io.doorstep.device.AccessRequest;
import io.doorstep.device.CredentialMethod;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A small estate with every kind of rule, its people, and requests as terminals send them. The
 * clock is whatever the test says: times are local to the estate (Asia/Shanghai), and
 * 2025-01-06 is a Monday, 2025-01-01 (a Wednesday) a holiday.
 */
final class AccessFixture {
  static final String ESTATE = """
      estate: {id: test, name: 测试小区, timeZone: Asia/Shanghai}
      buildings:
        - {id: B01, name: 1栋, floors: 6, units: [U1]}
        - {id: B02, name: 2栋, floors: 6, units: [U1]}
      doors:
        - {id: G1-L1, name: 南门 1号通道, kind: pedestrian-gate, devices: [ft-g1-l1]}
        - {id: G1-L2, name: 南门 2号通道, kind: pedestrian-gate, devices: [ft-g1-l2]}
        - {id: B01-U1, name: 1栋1单元, kind: unit-door, building: B01, unit: U1, devices: [ft-b01-u1]}
        - {id: B02-U1, name: 2栋1单元, kind: unit-door, building: B02, unit: U1, devices: [ft-b02-u1]}
        - {id: E1, name: 非机动车道闸, kind: ebike-gate, devices: [ft-e1]}
      devices:
        - {id: ft-g1-l1, type: face-terminal, sn: FT-G1L1, link: mqtt}
        - {id: ft-g1-l2, type: face-terminal, sn: FT-G1L2, link: mqtt}
        - {id: ft-b01-u1, type: face-terminal, sn: FT-B01U1, link: mqtt}
        - {id: ft-b02-u1, type: face-terminal, sn: FT-B02U1, link: mqtt}
        - {id: ft-e1, type: face-terminal, sn: FT-E1, link: mqtt}
        - {id: ft-spare, type: face-terminal, sn: FT-SPARE, link: mqtt}
      access:
        verifyRateLimit: 5
        holidays: [2025-01-01]
        schedules:
          - {id: shift, daily: [07:00-19:00], holiday: []}
          - {id: night, daily: [22:00-06:00]}
        groups:
          - {id: staff, name: 物业员工, personKinds: [staff], doorKinds: [pedestrian-gate, unit-door], schedule: shift}
          - {id: night-guards, name: 夜班保安, doors: [B01-U1, B02-U1], schedule: night}
          - {id: riders, name: 电动车, doorKinds: [ebike-gate], personKinds: [resident, tenant]}
        passback:
          - {id: south-gate, doors: [G1-L1, G1-L2], mode: strict}
          - {id: ebike-gate, doors: [E1], mode: timed, lockoutS: 30}
      """;

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String GATE = "ft-g1-l1";
  static final String GATE_2 = "ft-g1-l2";
  static final String UNIT_B01 = "ft-b01-u1";
  static final String UNIT_B02 = "ft-b02-u1";
  static final String EBIKE_GATE = "ft-e1";
  static final String NO_DOOR = "ft-spare";

  static final PersonRecord ZHANG = new PersonRecord("R1001", "张三", "resident", "B01-U1-101", 0, 0, List.of("04A1B2C3"));
  static final PersonRecord LI = new PersonRecord("R1002", "李四", "tenant", "B01-U1-102", 0, ms("2025-01-01T00:00"),
      List.of("04A1B2C4"));
  static final PersonRecord WANG = new PersonRecord("R1003", "王五", "tenant", "B02-U1-201", ms("2025-02-01T00:00"), 0,
      List.of());
  static final PersonRecord CLEANER = new PersonRecord("S001", "赵阿姨", "staff", null, 0, 0, List.of("05000001"));
  static final PersonRecord GUARD = new PersonRecord("S002", "钱师傅", "staff", null, 0, 0, List.of());
  static final PersonRecord GUEST = new PersonRecord("V001", "孙先生", "visitor", null, 0, 0, List.of());

  static final List<PersonRecord> PERSONS = List.of(ZHANG, LI, WANG, CLEANER, GUARD, GUEST);

  private AccessFixture() {}

  static EstateConfig estate() {
    return estate(ESTATE);
  }

  static EstateConfig estate(String text) {
    try {
      Path file = Files.createTempFile("estate", ".yaml");
      try {
        Files.writeString(file, text);
        return ConfigLoader.loadEstate(file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (io.doorstep.gateway.config.ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static AccessRules rules() {
    return AccessRules.of(estate());
  }

  /** Unix ms of a local time in the estate, e.g. "2025-01-06T08:00". */
  static long ms(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant().toEpochMilli();
  }

  static AccessSnapshot snapshot(Memberships members, Blocklist blocks, PassbackState passback, PassUsage usage) {
    return snapshot(members, blocks, passback, usage, revoked());
  }

  static AccessSnapshot snapshot(Memberships members, Blocklist blocks, PassbackState passback, PassUsage usage,
      PassRevocations revoked) {
    return new AccessSnapshot(PersonDirectory.of(PERSONS), rules(), members, blocks, passback, usage, revoked);
  }

  /** Revoked passes held in memory only; a decision never reads the store. */
  static PassRevocations revoked(String... passIds) {
    PassRevocations r = new PassRevocations(null, null);
    r.addAll(java.util.Set.of(passIds));
    return r;
  }

  static AccessSnapshot snapshot() {
    return snapshot(Memberships.none(), Blocklist.empty(), new PassbackState(), new PassUsage());
  }

  static AccessRequest face(String device, String personId, String direction) {
    return face(device, personId, direction, true, "pedestrian");
  }

  static AccessRequest face(String device, String personId, String direction, Boolean liveness, String bodyType) {
    return new AccessRequest("r-" + System.nanoTime(), 0, device, direction, CredentialMethod.FACE, personId, null,
        null, 0.93, liveness, bodyType);
  }

  static AccessRequest card(String device, String uid, String direction) {
    return new AccessRequest("r-" + System.nanoTime(), 0, device, direction, CredentialMethod.CARD, null, uid, null,
        null, null, "pedestrian");
  }

  static AccessRequest qr(String device, String text, String direction) {
    return new AccessRequest("r-" + System.nanoTime(), 0, device, direction, CredentialMethod.QR, null, null, text,
        null, null, "pedestrian");
  }

  /** The same request, as a terminal reports it later with its own time. */
  static AccessRequest at(AccessRequest r, long ts) {
    return new AccessRequest(r.requestId(), ts, r.device(), r.direction(), r.method(), r.personId(), r.card(), r.qr(),
        r.score(), r.liveness(), r.bodyType());
  }

  static PassCodec codec() {
    byte[] key = new byte[PassKey.LENGTH];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 1);
    }
    return new PassCodec(key);
  }
}
