package io.doorstep.gateway.web.tech;

import io.doorstep.gateway.web.Replies;
import io.doorstep.gateway.config.ConfigException;
import io.doorstep.gateway.config.ConfigFiles;
import io.doorstep.gateway.config.ConfigImport;
import io.doorstep.gateway.config.DeviceEdits;
import io.doorstep.gateway.config.ConfigLoader;
import io.doorstep.gateway.config.ConfigProblem;
import io.doorstep.gateway.web.auth.WebUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a technician hands to support: the log (the end of the configured log file, else the
 * lines kept in memory) and the configuration's YAML files as a zip. Both are read on a worker.
 * The export holds the broker password and the platform's token as the files do, so it is
 * audited with who took it. The same zip, changed, comes back as an import: checked as at
 * start-up, written only when it has no problem, applied by a restart.
 */
final class SupportHandlers {
  private static final Logger log = LoggerFactory.getLogger(SupportHandlers.class);
  private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  /** The end of a log file is what a support call needs; a month of it would not download on a booth PC. */
  static final long MAX_LOG_BYTES = 8L << 20;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

  private final TechParts parts;

  SupportHandlers(TechParts parts) {
    this.parts = parts;
  }

  void log(RoutingContext ctx) {
    Path file = parts.config().logging().file();
    ctx.vertx().executeBlocking(() -> file != null && Files.isRegularFile(file) ? tail(file)
        : parts.recentLog().text().getBytes(StandardCharsets.UTF_8), false).onComplete(done -> {
          if (done.failed()) {
            Replies.error(ctx, 503, "the log could not be read: " + done.cause().getMessage());
            return;
          }
          download(ctx, "text/plain; charset=utf-8", "doorstep-log-" + stamp() + ".txt", done.result());
        });
  }

  void config(RoutingContext ctx) {
    String who = WebUser.of(ctx).name();
    ctx.vertx().executeBlocking(this::zip, false).onComplete(done -> {
      if (done.failed()) {
        Replies.error(ctx, 503, "the configuration could not be read: " + done.cause().getMessage());
        return;
      }
      parts.store().audit(who, "tech.config.export", parts.config().sourceFile().toString(), null,
          new JsonObject().put("files", done.result().names()).encode()).onComplete(audited -> {
            if (audited.failed()) {
              Replies.error(ctx, 503, "the export was not recorded, so it is not given: " + audited.cause().getMessage());
            } else {
              download(ctx, "application/zip", "doorstep-config-" + stamp() + ".zip", done.result().bytes());
            }
          });
    });
  }


  /**
   * The zip is the request's body as it is (the page sends the chosen file). 422 with every
   * problem, each with its file and line, when it does not load; 409 when the configuration here
   * is not laid out as an export is.
   */
  void importConfig(RoutingContext ctx) {
    String who = WebUser.of(ctx).name();
    byte[] zip = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (zip.length == 0) {
      Replies.field(ctx, 400, "file", "choose the zip the configuration export gave");
      return;
    }
    Path file = parts.config().sourceFile();
    String stamp = LocalDateTime.now().format(BACKUP_STAMP);
    ctx.vertx().executeBlocking(() -> ConfigImport.apply(file, zip, stamp), false).onComplete(done -> {
      if (done.failed()) {
        refused(ctx, done.cause());
        return;
      }
      ConfigImport.Result r = done.result();
      JsonObject after = new JsonObject().put("written", r.written()).put("removed", r.removed())
          .put("backups", r.backups());
      log.warn("configuration imported by {}: written {}, removed {}; a restart applies it", who, r.written(),
          r.removed());
      JsonObject reply = after.copy().put("unchanged", r.unchanged()).put("restartNeeded",
          !r.written().isEmpty() || !r.removed().isEmpty());
      parts.store().audit(who, "tech.config.import", file.toString(), null, after.encode()).onComplete(audited -> {
        if (audited.failed()) {
          Replies.error(ctx, 503, "the files were written but the import was not recorded: "
              + audited.cause().getMessage());
        } else {
          Replies.json(ctx, 200, reply);
        }
      });
    });
  }

  /**
   * Restarts the gateway so that its files, an import's included, apply. The files are loaded
   * first as start-up will load them: a restart into a configuration that does not load would
   * leave the estate without a gateway, so that is refused with every problem (422) and the
   * gateway runs on. The restart is audited before the reply; the process leaves once the reply
   * is out (see {@link io.doorstep.gateway.Restarts}).
   */
  void restart(RoutingContext ctx) {
    String who = WebUser.of(ctx).name();
    if (!parts.restarts().available()) {
      Replies.error(ctx, 409, "this gateway was started without a supervisor that would start it again;"
          + " restart it where it runs (systemctl restart doorstep)");
      return;
    }
    Path file = parts.config().sourceFile();
    ctx.vertx().executeBlocking(() -> ConfigLoader.load(file), false).onComplete(loaded -> {
      if (loaded.failed()) {
        refused(ctx, loaded.cause());
        return;
      }
      parts.store().audit(who, "tech.gateway.restart", file.toString(), null, null).onComplete(audited -> {
        if (audited.failed()) {
          Replies.error(ctx, 503, "not restarted: the restart could not be recorded: " + audited.cause().getMessage());
          return;
        }
        log.warn("gateway restart asked by {} on the technician console", who);
        ctx.addBodyEndHandler(v -> parts.restarts().request());
        Replies.json(ctx, 202, new JsonObject().put("restarting", true));
      });
    });
  }

  private static void refused(RoutingContext ctx, Throwable cause) {
    if (cause instanceof ConfigException e) {
      JsonArray problems = new JsonArray();
      for (ConfigProblem p : e.problems()) {
        problems.add(new JsonObject().put("file", p.file().toString()).put("line", p.line()).put("path", p.path())
            .put("message", p.message()));
      }
      Replies.json(ctx, 422, new JsonObject().put("field", "file").put("problems", problems)
          .put("error", e.problems().size() + " problem(s) in the configuration; nothing was changed"));
    } else if (cause instanceof ConfigImport.NotImportable) {
      Replies.error(ctx, 409, cause.getMessage());
    } else {
      log.error("configuration import failed: {}", cause.toString(), cause);
      Replies.error(ctx, 503, "the configuration could not be written: " + cause.getMessage());
    }
  }

  /** An upload over the limit is stopped before it is read. */
  static void tooLarge(RoutingContext ctx) {
    Replies.field(ctx, 413, "file", "the file is larger than " + (ConfigImport.MAX_ZIP_BYTES >> 20)
        + " MiB: that is no configuration the export gave");
  }

  private record Zip(byte[] bytes, JsonArray names) {}

  private Zip zip() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonArray names = new JsonArray();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (ConfigFiles.Entry e : ConfigFiles.of(parts.config().sourceFile())) {
        zip.putNextEntry(new ZipEntry(e.name()));
        zip.write(Files.readAllBytes(e.file()));
        zip.closeEntry();
        names.add(e.name());
      }
      // The files as written; devices and lines changed on the console are beside them, as they are laid over.
      edits(zip, names, ConfigImport.DEVICE_EDITS, "deviceEdits", "device", parts.devices().edits());
      edits(zip, names, ConfigImport.LINE_EDITS, "lineEdits", "line", parts.devices().lineEdits());
      Map<String, Map<String, Integer>> timings = parts.doorTimings().console();
      if (!timings.isEmpty()) {
        zip.putNextEntry(new ZipEntry(ConfigImport.DOOR_TIMINGS));
        zip.write(new JsonObject().put("doorTimings", new JsonObject(new TreeMap<>(timings))).encodePrettily()
            .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        names.add(ConfigImport.DOOR_TIMINGS);
      }
    }
    return new Zip(out.toByteArray(), names);
  }

  private static void edits(ZipOutputStream zip, JsonArray names, String name, String key, String idKey,
      List<DeviceEdits.Edit> kept) throws IOException {
    JsonArray edits = new JsonArray();
    kept.forEach(e -> edits.add(new JsonObject().put(idKey, e.id())
        .put("entry", e.entry() == null ? null : new JsonObject(e.entry()))));
    if (!edits.isEmpty()) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(new JsonObject().put(key, edits).encodePrettily().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      names.add(name);
    }
  }

  private static byte[] tail(Path file) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - MAX_LOG_BYTES);
      byte[] bytes = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(bytes);
      return bytes;
    }
  }

  private static String stamp() {
    return LocalDateTime.now().format(STAMP);
  }

  private static void download(RoutingContext ctx, String type, String name, byte[] bytes) {
    ctx.response().putHeader("Content-Type", type)
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .end(Buffer.buffer(bytes));
  }
}
