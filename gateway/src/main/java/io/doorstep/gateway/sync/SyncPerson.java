package io.doorstep.gateway.sync;

import io.doorstep.gateway.store.PersonRecord;

/**
 * What the sync keeps of one person between sends: the record and a fingerprint of the face,
 * never the face itself (thousands of photos do not fit a Pi's memory, and they are sensitive).
 *
 * @param faceSha SHA-256 of the photo, or null for a person without one
 * @param faceBytes the photo's size, to plan messages under the interface's 4 MiB
 * @param faceUnreadable the photo could not be read: the person is neither sent nor removed
 *     until it can be, so that a storage hiccup never strips faces from terminals
 * @param digest the {@link EntryDigest} of what a terminal would be sent
 */
record SyncPerson(PersonRecord person, String faceSha, int faceBytes, boolean faceUnreadable, String digest) {

  static SyncPerson withFace(PersonRecord person, byte[] face) {
    String sha = face == null ? null : EntryDigest.sha256(face);
    return new SyncPerson(person, sha, face == null ? 0 : face.length, false, EntryDigest.of(person, sha));
  }

  static SyncPerson unreadable(PersonRecord person) {
    return new SyncPerson(person, null, 0, true, "");
  }

  /** The same face with a changed record. */
  SyncPerson withRecord(PersonRecord next) {
    return faceUnreadable ? unreadable(next)
        : new SyncPerson(next, faceSha, faceBytes, false, EntryDigest.of(next, faceSha));
  }

  String id() {
    return person.id();
  }
}
