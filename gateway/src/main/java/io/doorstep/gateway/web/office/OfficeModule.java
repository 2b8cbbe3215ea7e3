package io.doorstep.gateway.web.office;

import io.doorstep.gateway.access.VisitorPasses;
import io.doorstep.gateway.config.EstateConfig;
import io.doorstep.gateway.people.FaceVault;
import io.doorstep.gateway.people.PeopleService;
import io.doorstep.gateway.store.Store;
import io.doorstep.gateway.web.WebModule;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The residents office's API under {@code /api/office/}: households and persons, face photos and
 * where each terminal stands with them, the CSV import, and visitor passes. Every change goes
 * through the people service or the audit log under the name of the office user who made it.
 *
 * <p>Bodies are held in memory, never written to disk (a face photo is sensitive), and each route
 * has the limit its content needs: a request over it is refused from its Content-Length.
 */
public final class OfficeModule implements WebModule {
  static final String API = "/api/office";
  private static final long JSON_LIMIT = 64 * 1024;

  private final PersonRoutes persons;
  private final HouseholdRoutes households;
  private final PhotoRoutes photos;
  private final ImportRoute imports;
  private final PassRoutes passes;

  public OfficeModule(PeopleService people, SyncStates sync, VisitorPasses passes, EstateConfig estate, Store store) {
    this.persons = new PersonRoutes(people, sync, estate.timeZone());
    this.households = new HouseholdRoutes(people);
    this.photos = new PhotoRoutes(people);
    this.imports = new ImportRoute(people);
    this.passes = new PassRoutes(passes, estate, store, estate.timeZone());
  }

  @Override
  public void mount(Router router) {
    BodyHandler json = body(JSON_LIMIT);
    BodyHandler photo = body(FaceVault.MAX_PHOTO_BYTES);

    router.get(API + "/households").handler(households::list);
    router.get(API + "/households/:id").handler(households::one);

    router.get(API + "/persons").handler(persons::list);
    // Not under /persons/: "next" could be a person's id.
    router.get(API + "/person-ids/next").handler(persons::nextId);
    router.get(API + "/persons/:id").handler(persons::one);
    router.post(API + "/persons").handler(json).handler(persons::add);
    router.put(API + "/persons/:id").handler(json).handler(persons::update);
    router.delete(API + "/persons/:id").handler(persons::remove);

    router.post(API + "/photo-check").handler(photo).handler(photos::check).failureHandler(PhotoRoutes::tooLarge);
    router.put(API + "/persons/:id/photo").handler(photo).handler(photos::set).failureHandler(PhotoRoutes::tooLarge);
    router.delete(API + "/persons/:id/photo").handler(photos::remove);

    router.post(API + "/import").handler(body(ImportRoute.MAX_BYTES)).handler(imports::run).failureHandler(ctx -> {
      if (ctx.statusCode() == 413) {
        Answers.fieldError(ctx, 413, "file", "the file is larger than 8 MiB: that is no list an office exports");
      } else {
        ctx.next();
      }
    });

    router.get(API + "/doors").handler(passes::doors);
    router.post(API + "/passes").handler(json).handler(passes::issue);
    router.get(API + "/passes/qr.svg").handler(passes::qr);
    router.get(API + "/passes").handler(passes::list);
    router.get(API + "/passes/:id").handler(passes::one);
    router.post(API + "/passes/:id/revoke").handler(passes::revoke);
  }

  private static BodyHandler body(long limit) {
    return BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false);
  }
}
