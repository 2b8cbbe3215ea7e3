package io.doorstep.gateway.charging;

/**
 * The breaker a person must cut when a relay will not open, named as it is labelled on site,
 * e.g. {@code "1号棚 3号配电箱 断路器 QF3"} and {@code "breaker QF3 in shed 1"}.
 */
public record Breaker(String nameZh, String nameEn) {
  public Breaker {
    if (nameZh == null || nameZh.isBlank() || nameEn == null || nameEn.isBlank()) {
      throw new IllegalArgumentException("a breaker needs its label in Chinese and English");
    }
  }
}
