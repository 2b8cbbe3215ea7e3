package io.doorstep.gateway.people;

/**
 * A stored person and whether they have a face photo.
 *
 * @param faceSha256 SHA-256 (hex) of the plain photo, or null when there is none; tells whether a
 *     terminal holds the current photo without decrypting anything
 */
public record PersonEntry(Person person, String faceSha256) {

  public boolean hasFace() {
    return faceSha256 != null;
  }

  public String id() {
    return person.id();
  }
}
