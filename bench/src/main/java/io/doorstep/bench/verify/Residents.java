package io.doorstep.bench.verify;

import io.doorstep.gateway.store.PersonRecord;
import io.doorstep.sim.faceterminal.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The people of the bench estate, once for the gateway's store and once as the terminals'
 * synced lists, so that a face a terminal matches is a person the gateway knows and opens for.
 * Everyone is valid: the run measures the path of an answer, not the policy's corner cases.
 */
public record Residents(List<PersonRecord> records, List<Person> synced) {

  public Residents {
    records = List.copyOf(records);
    synced = List.copyOf(synced);
  }

  public static Residents generate(int count) {
    List<PersonRecord> records = new ArrayList<>(count);
    List<Person> synced = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String id = String.format(Locale.ROOT, "R%05d", i);
      String name = "住户" + i;
      String card = String.format(Locale.ROOT, "B%07X", i);
      // About three people a household, as in the reference estate; the label is only shown.
      String household = "B01-U1-" + (1 + (i - 1) / 3);
      records.add(new PersonRecord(id, name, "resident", household, 0, 0, List.of(card)));
      synced.add(Person.resident(id, name, card));
    }
    return new Residents(records, synced);
  }

  public int size() {
    return records.size();
  }

  public String idAt(int index) {
    return records.get(index).id();
  }
}
