package io.doorstep.drivers.faceterminal;

import io.doorstep.device.DeviceCommand;
import io.doorstep.drivers.faceterminal.codec.FtMessage;
import java.util.Base64;
import java.util.List;

/** Normalized commands to the terminal's own messages. Pure. */
final class TerminalCommands {
  /** The interface's limit of persons in one upsert. */
  static final int MAX_PERSONS = 50;

  private TerminalCommands() {}

  static FtMessage encode(DeviceCommand command, String msgId, long ts) {
    if (command instanceof DeviceCommand.Open o) {
      return new FtMessage.Open(msgId, ts, o.openMs(), o.reason());
    }
    if (command instanceof DeviceCommand.HoldOpen h) {
      return new FtMessage.HoldOpen(msgId, ts, h.open());
    }
    if (command instanceof DeviceCommand.UpsertPersons u) {
      if (u.persons().size() > MAX_PERSONS) {
        throw new IllegalArgumentException("at most 50 persons an upsert, got " + u.persons().size());
      }
      List<FtMessage.PersonEntry> entries = u.persons().stream().map(TerminalCommands::entry).toList();
      return new FtMessage.PersonUpsert(msgId, ts, entries);
    }
    if (command instanceof DeviceCommand.DeletePersons d) {
      return new FtMessage.PersonDelete(msgId, ts, d.personIds());
    }
    throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not for a face terminal");
  }

  private static FtMessage.PersonEntry entry(DeviceCommand.TerminalPerson p) {
    String face = p.faceJpeg() == null ? null : Base64.getEncoder().encodeToString(p.faceJpeg());
    return new FtMessage.PersonEntry(p.personId(), p.name(), p.validFrom(), p.validTo(), p.cards(), face);
  }
}
