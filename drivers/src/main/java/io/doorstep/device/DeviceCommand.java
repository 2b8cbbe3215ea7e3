package io.doorstep.device;

import java.util.List;
import java.util.Objects;

/**
 * A normalized command to a device, whatever it speaks. Domain services send these on the bus;
 * the driver that owns the device turns them into its protocol and answers with a
 * {@link CommandResult} once the device has acknowledged (or not) in time.
 */
public sealed interface DeviceCommand {
  /** The configured id of the device that must act. */
  String device();

  /** Release the lock for a while (a remote open, an exit request). */
  record Open(String device, int openMs, String reason) implements DeviceCommand {}

  /** Hold the door released until told otherwise (fire release), or end the hold. */
  record HoldOpen(String device, boolean open) implements DeviceCommand {}

  /** Add or replace persons in a terminal's own list (at most 50, and 4 MiB, a command). */
  record UpsertPersons(String device, List<TerminalPerson> persons) implements DeviceCommand {
    public UpsertPersons {
      persons = List.copyOf(persons);
    }
  }

  /** Remove persons from a terminal's own list. */
  record DeletePersons(String device, List<String> personIds) implements DeviceCommand {
    public DeletePersons {
      personIds = List.copyOf(personIds);
    }
  }

  /**
   * A named command of the device's profile, e.g. {@code port3.stop} on a charging pile.
   *
   * @param urgent a safety action: it goes ahead of everything else queued for the device's line
   */
  record Invoke(String device, String command, boolean urgent) implements DeviceCommand {}

  /** Read the device now, out of turn (a stop is read back at once rather than at the next poll). */
  record Refresh(String device) implements DeviceCommand {}

  /**
   * One entry of a terminal's person list.
   *
   * @param validFrom Unix ms, 0 = always
   * @param validTo Unix ms, 0 = no end
   * @param faceJpeg the face photo, or null for a card-only person (which removes any face)
   */
  record TerminalPerson(String personId, String name, long validFrom, long validTo, List<String> cards,
      byte[] faceJpeg) {
    public TerminalPerson {
      Objects.requireNonNull(personId, "personId");
      cards = List.copyOf(cards);
    }
  }
}
