package io.doorstep.gateway.sync;

import io.doorstep.gateway.access.AccessScope;
import io.vertx.core.Vertx;

/** What every terminal's sync shares; all of it confined to the sync verticle's context. */
record SyncParts(
    Vertx vertx,
    SyncOptions options,
    AccessScope scope,
    PersonCatalog catalog,
    FaceReader faces,
    CommandSender sender,
    UploadPermits permits,
    SyncReporter reporter) {}
