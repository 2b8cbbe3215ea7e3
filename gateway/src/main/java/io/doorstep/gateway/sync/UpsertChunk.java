package io.doorstep.gateway.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The next {@code person-upsert} of a plan: as many persons as the interface allows, by count
 * and by bytes, and the persons that could never fit any message.
 *
 * @param batch persons for the next message, possibly empty
 * @param oversize persons whose entry alone exceeds a message: reported, never sent
 */
record UpsertChunk(List<SyncPerson> batch, List<SyncPerson> oversize) {
  UpsertChunk {
    batch = List.copyOf(batch);
    oversize = List.copyOf(oversize);
  }

  static UpsertChunk next(List<SyncPerson> upserts, SyncOptions options) {
    long room = MessageBudget.room(options.maxBodyBytes());
    List<SyncPerson> batch = new ArrayList<>();
    List<SyncPerson> oversize = new ArrayList<>();
    long used = 0;
    for (SyncPerson p : upserts) {
      long bytes = MessageBudget.personBytes(p);
      if (bytes > room) {
        oversize.add(p);
        continue;
      }
      if (batch.size() == options.maxPersonsPerUpsert() || used + bytes > room) {
        break;
      }
      batch.add(p);
      used += bytes;
    }
    return new UpsertChunk(batch, oversize);
  }
}
