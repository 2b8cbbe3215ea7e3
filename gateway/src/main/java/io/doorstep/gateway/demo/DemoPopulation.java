package io.doorstep.gateway.demo;

import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.store.PersonRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Made-up residents for the demo estate, shaped like the reference estate: about 1,150
 * households and 3,200 people over its buildings, mostly residents, some tenants (a few of them
 * expired, so the board shows refusals too), a handful of staff. Deterministic for a seed, so
 * that two runs of the demo show the same people.
 */
public final class DemoPopulation {
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金";
  private static final String GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰萍建国志红梅鑫宇浩然子涵欣怡梓轩雨桐晨阳嘉俊思远佳琪";
  /** Household sizes 1 to 5 with these weights average about 2.8 persons. */
  private static final int[] SIZE_WEIGHTS = {12, 30, 33, 17, 8};

  private DemoPopulation() {}

  public static List<PersonRecord> generate(EstateConfig estate, long seed, long nowMs) {
    Random random = new Random(seed);
    List<PersonRecord> persons = new ArrayList<>(3400);
    int next = 1;
    for (EstateConfig.Building b : estate.buildings()) {
      for (String unit : b.units()) {
        for (int floor = 1; floor <= b.floors(); floor++) {
          // Lower floors have two flats, upper floors three: about 1,150 households in 12 buildings.
          int rooms = floor <= 6 ? 2 : 3;
          for (int room = 1; room <= rooms; room++) {
            String household = b.id() + "-" + unit + "-" + floor + String.format("%02d", room);
            boolean tenants = random.nextInt(100) < 15;
            int size = householdSize(random);
            for (int i = 0; i < size; i++) {
              persons.add(person(random, "R" + String.format("%05d", next++), household, tenants, nowMs));
            }
          }
        }
      }
    }
    for (int i = 1; i <= 12; i++) {
      persons.add(new PersonRecord("S" + String.format("%03d", i), name(random), "staff", null, 0, 0,
          List.of(cardUid(random))));
    }
    return persons;
  }

  private static PersonRecord person(Random random, String id, String household, boolean tenant, long nowMs) {
    long validTo = 0;
    if (tenant) {
      long days = random.nextInt(100) < 6 ? -(1 + random.nextInt(60)) : 30 + random.nextInt(335);
      validTo = nowMs + Duration.ofDays(days).toMillis();
    }
    List<String> cards = random.nextInt(100) < 60 ? List.of(cardUid(random)) : List.of();
    return new PersonRecord(id, name(random), tenant ? "tenant" : "resident", household, 0, validTo, cards);
  }

  private static int householdSize(Random random) {
    int r = random.nextInt(100);
    for (int size = 0; size < SIZE_WEIGHTS.length; size++) {
      r -= SIZE_WEIGHTS[size];
      if (r < 0) {
        return size + 1;
      }
    }
    return 1;
  }

  private static String name(Random random) {
    StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    int given = random.nextInt(100) < 70 ? 2 : 1;
    for (int i = 0; i < given; i++) {
      name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
    return name.toString();
  }

  /**
   * A stand-in face photo: a JPEG header and the person's id. Enough for a terminal to accept
   * it as an image; the demo has no real faces, and must never ship anyone's photo.
   */
  public static byte[] facePhoto(String personId) {
    byte[] id = personId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] jpeg = new byte[4 + id.length + 2];
    jpeg[0] = (byte) 0xFF;
    jpeg[1] = (byte) 0xD8;
    jpeg[2] = (byte) 0xFF;
    jpeg[3] = (byte) 0xFE;
    System.arraycopy(id, 0, jpeg, 4, id.length);
    jpeg[jpeg.length - 2] = (byte) 0xFF;
    jpeg[jpeg.length - 1] = (byte) 0xD9;
    return jpeg;
  }

  /** A 4-byte Mifare UID, as terminals report it. */
  private static String cardUid(Random random) {
    byte[] uid = new byte[4];
    random.nextBytes(uid);
    return HexFormat.of().withUpperCase().formatHex(uid);
  }
}
