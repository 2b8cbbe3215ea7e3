package io.doorstep.gateway.sync;

import java.time.Duration;

/**
 * How the person sync paces itself. The defaults follow the terminal interface and a Raspberry
 * Pi's memory; tests shorten the intervals.
 *
 * @param maxPersonsPerUpsert the interface's limit of persons in one {@code person-upsert}
 * @param maxBodyBytes the interface's limit of one message body
 * @param maxIdsPerDelete person ids in one {@code person-delete} (the interface sets no count)
 * @param retryMin first pause after a terminal did not answer; doubles on each failure
 * @param retryMax the pause grows up to this
 * @param recheckEvery how often every terminal is checked again, so that persons who expire
 *     leave the lists without anyone changing them
 * @param parallelUploads terminals receiving faces at the same time; each holds up to 4 MiB
 *     of photos, so this bounds the gateway's memory on an estate with many terminals
 * @param photoReads face photos read (and decrypted) at the same time
 */
public record SyncOptions(
    int maxPersonsPerUpsert,
    int maxBodyBytes,
    int maxIdsPerDelete,
    Duration retryMin,
    Duration retryMax,
    Duration recheckEvery,
    int parallelUploads,
    int photoReads) {

  public SyncOptions {
    if (maxPersonsPerUpsert < 1 || maxBodyBytes < 1024 || maxIdsPerDelete < 1 || parallelUploads < 1
        || photoReads < 1) {
      throw new IllegalArgumentException("sync limits must be positive");
    }
    if (retryMin.isNegative() || retryMin.isZero() || retryMax.compareTo(retryMin) < 0
        || recheckEvery.isNegative() || recheckEvery.isZero()) {
      throw new IllegalArgumentException("sync intervals must be positive, retryMax >= retryMin");
    }
  }

  public static SyncOptions defaults() {
    return new SyncOptions(50, 4 * 1024 * 1024, 200, Duration.ofSeconds(2), Duration.ofMinutes(5),
        Duration.ofMinutes(1), 4, 4);
  }

  public SyncOptions withRetry(Duration min, Duration max) {
    return new SyncOptions(maxPersonsPerUpsert, maxBodyBytes, maxIdsPerDelete, min, max, recheckEvery,
        parallelUploads, photoReads);
  }

  public SyncOptions withRecheckEvery(Duration every) {
    return new SyncOptions(maxPersonsPerUpsert, maxBodyBytes, maxIdsPerDelete, retryMin, retryMax, every,
        parallelUploads, photoReads);
  }
}
