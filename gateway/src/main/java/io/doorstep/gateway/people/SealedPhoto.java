package io.doorstep.gateway.people;

/**
 * A face photo as stored: AES-256-GCM ciphertext (with its tag) under a nonce used once.
 *
 * @param sha256 hex digest of the plain JPEG
 */
record SealedPhoto(byte[] nonce, byte[] ciphertext, String sha256) {

  // Not even the size: a photo's size next to a person id is already more than a log should hold.
  @Override
  public String toString() {
    return "SealedPhoto[…]";
  }
}
