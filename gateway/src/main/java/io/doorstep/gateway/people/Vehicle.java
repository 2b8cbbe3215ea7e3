package io.doorstep.gateway.people;

/**
 * A registered car or e-bike, by its plate.
 *
 * @param plate normalized by {@link Identifiers#plate}
 */
public record Vehicle(String plate, VehicleKind kind) {

  public Vehicle {
    if (plate == null || kind == null) {
      throw new IllegalArgumentException("a vehicle needs a plate and a kind");
    }
    plate = Identifiers.plate(plate);
  }

  public static Vehicle car(String plate) {
    return new Vehicle(plate, VehicleKind.CAR);
  }

  public static Vehicle ebike(String plate) {
    return new Vehicle(plate, VehicleKind.EBIKE);
  }
}
