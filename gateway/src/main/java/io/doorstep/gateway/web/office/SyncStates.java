package io.doorstep.gateway.web.office;

import io.doorstep.gateway.sync.PersonSyncState;
import io.vertx.core.Future;
import java.util.List;

/** Where one person stands at each terminal; the gateway answers from its person sync. */
@FunctionalInterface
public interface SyncStates {
  Future<List<PersonSyncState>> of(String personId);
}
