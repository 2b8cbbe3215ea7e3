package io.doorstep.gateway.access;

import java.util.List;

/**
 * What a visitor's QR code grants. It travels inside the signed code itself, so a terminal's
 * reading of it is checked without the database.
 *
 * @param id random, unique; usage is counted under it
 * @param doors door ids
 * @param validFrom Unix ms, inclusive
 * @param validTo Unix ms, exclusive
 * @param uses how many openings it allows; 0 for any number within its window
 */
public record VisitorPass(String id, List<String> doors, long validFrom, long validTo, int uses) {
  public VisitorPass {
    doors = List.copyOf(doors);
  }
}
