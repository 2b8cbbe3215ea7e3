package io.doorstep.gateway.sync;

import io.doorstep.device.CommandResult;
import io.doorstep.device.DeviceCommand;
import io.doorstep.gateway.bus.CommandFailures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminals that answer person commands at once, as the interface says, for logic tests
 * without a broker. Each can be told to stay silent (every command times out), to hold only
 * so many persons, or to refuse messages over a number of persons as too large.
 */
final class FakeTerminals implements CommandSender {
  private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();

  Terminal terminal(String device) {
    return terminals.computeIfAbsent(device, d -> new Terminal());
  }

  @Override
  public Future<CommandResult> send(DeviceCommand command) {
    return terminal(command.device()).answer(command);
  }

  static final class Terminal {
    private final Map<String, DeviceCommand.TerminalPerson> persons = new HashMap<>();
    private final List<DeviceCommand> commands = new ArrayList<>();
    private boolean silent;
    private int capacity = 10_000;
    private int refuseOver = Integer.MAX_VALUE;

    synchronized void silent(boolean value) {
      silent = value;
    }

    synchronized void capacity(int value) {
      capacity = value;
    }

    synchronized void refuseMessagesOver(int personsPerMessage) {
      refuseOver = personsPerMessage;
    }

    synchronized void clear() {
      persons.clear();
    }

    synchronized Set<String> ids() {
      return Set.copyOf(persons.keySet());
    }

    synchronized DeviceCommand.TerminalPerson person(String id) {
      return persons.get(id);
    }

    synchronized int commands() {
      return commands.size();
    }

    /** How many upserts carried this person. */
    synchronized long timesSent(String personId) {
      return commands.stream()
          .filter(c -> c instanceof DeviceCommand.UpsertPersons)
          .flatMap(c -> ((DeviceCommand.UpsertPersons) c).persons().stream())
          .filter(p -> p.personId().equals(personId))
          .count();
    }

    private synchronized Future<CommandResult> answer(DeviceCommand command) {
      commands.add(command);
      if (silent) {
        return Future.failedFuture(
            new ReplyException(ReplyFailure.RECIPIENT_FAILURE, CommandFailures.DEVICE_TIMEOUT, "no ack"));
      }
      if (command instanceof DeviceCommand.DeletePersons d) {
        d.personIds().forEach(persons::remove);
        return Future.succeededFuture(CommandResult.accepted());
      }
      DeviceCommand.UpsertPersons u = (DeviceCommand.UpsertPersons) command;
      if (u.persons().size() > refuseOver) {
        return Future.succeededFuture(new CommandResult(false, "TOO_LARGE", List.of()));
      }
      List<CommandResult.PersonFailure> failed = new ArrayList<>();
      for (DeviceCommand.TerminalPerson p : u.persons()) {
        if (p.faceJpeg() != null && !isJpeg(p.faceJpeg())) {
          failed.add(new CommandResult.PersonFailure(p.personId(), "BAD_IMAGE"));
        } else if (!persons.containsKey(p.personId()) && persons.size() >= capacity) {
          failed.add(new CommandResult.PersonFailure(p.personId(), "LIST_FULL"));
        } else {
          persons.put(p.personId(), p);
        }
      }
      return Future.succeededFuture(new CommandResult(true, null, failed));
    }

    private static boolean isJpeg(byte[] b) {
      return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }
  }
}
