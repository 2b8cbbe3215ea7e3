package io.doorstep.gateway.access;

import java.util.List;

/**
 * A visitor pass as the office's record keeps it: what the QR code grants, and what the code
 * leaves out (the visitor's name, the host, who issued it) or cannot know (its uses so far,
 * whether it was revoked).
 *
 * @param host the person or household the visitor comes to, or null
 * @param hostName the host's name when the host is a person still in the persons table, else null
 * @param used openings so far, as last stored (written just after each opening)
 * @param issuedBy the office user; null for passes issued before the record kept it
 * @param revokedTs Unix ms, or null while not revoked
 */
public record IssuedPass(VisitorPass pass, String visitorName, String host, String hostName, int used,
    String issuedBy, long issuedTs, Long revokedTs, String revokedBy, PassState state) {

  public String id() {
    return pass.id();
  }

  public List<String> doors() {
    return pass.doors();
  }
}
