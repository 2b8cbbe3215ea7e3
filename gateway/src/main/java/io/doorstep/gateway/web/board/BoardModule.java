package io.doorstep.gateway.web.board;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.web.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The guards' actions on the board: the alarms that need a person and their acknowledgement,
 * the remote open of a door or lane, and the estate's overview the board draws as a map. Each
 * action goes to the service that owns it (alarms, doors) with the person at the page as the
 * actor; those services write the audit row and the event that every open board then shows.
 */
public final class BoardModule implements WebModule {
  /** A note or a door id is small; anything bigger is not a guard typing. */
  static final long MAX_BODY_BYTES = 8 * 1024;

  private final EstateMap map;

  public BoardModule(EstateConfig estate) {
    this.map = new EstateMap(estate);
  }

  @Override
  public void mount(Router router) {
    AlarmActions alarms = new AlarmActions(map);
    DoorActions doors = new DoorActions();
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    router.get("/api/board/map").handler(ctx -> Replies.json(ctx, 200, map.json()));
    router.get("/api/board/alarms").handler(alarms::active);
    router.post("/api/board/alarms/:id/ack").handler(body).handler(alarms::acknowledge);
    router.post("/api/board/doors/:id/open").handler(body).handler(doors::open);
  }
}
