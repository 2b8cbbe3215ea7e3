package io.doorstep.gateway.web;

import io.vertx.ext.web.Router;

/**
 * One area of the page (the board's actions, the technician console, the residents office,
 * administration) adding its routes. Modules are mounted after the session check, so a route
 * under {@code /api/tech/} is reached only by someone whose role may enter that area.
 */
public interface WebModule {
  void mount(Router router);
}
