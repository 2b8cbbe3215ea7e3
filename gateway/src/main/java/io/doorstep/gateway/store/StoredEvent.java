package io.doorstep.gateway.store;

import io.doorstep.device.DeviceEvent;
import io.doorstep.device.Severity;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;

/** An event as the log holds it: {@code seq} is the log's own monotonic position. */
public record StoredEvent(long seq, DeviceEvent event) {
  /** The events columns a query selected ({@code seq, id, ts, device, kind, severity, payload}), current row. */
  public static StoredEvent from(ResultSet rs) throws SQLException {
    return new StoredEvent(rs.getLong("seq"), new DeviceEvent(
        rs.getString("id"),
        rs.getLong("ts"),
        rs.getString("device"),
        rs.getString("kind"),
        Severity.fromCode(rs.getString("severity")),
        new JsonObject(rs.getString("payload"))));
  }
}
