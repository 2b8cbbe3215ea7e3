package io.doorstep.gateway.people;

/**
 * A face photo as stored: AES-256-GCM ciphertext (with its tag) under a nonce used once.
 *
 * @param sha256 hex digest of the plain JPEG
 */
record SealedPhoto(byte[] nonce, byte[] ciphertext, String sha256) {

  // The default would print the arrays' identities; a photo's bytes must not reach a log either way.
  @Override
  public String toString() {
    return "SealedPhoto[" + ciphertext.length + " bytes]";
  }
}
