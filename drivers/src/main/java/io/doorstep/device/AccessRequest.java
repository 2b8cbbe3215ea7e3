package io.doorstep.device;

/**
 * Someone asks to pass a door or lane, whatever reader they stand at.
 *
 * @param requestId stable id of the request (derived from the device message)
 * @param ts when the device saw the person, Unix ms
 * @param device configured id of the device that asks
 * @param direction "in" or "out"
 * @param method how they presented themselves
 * @param personId the person the device matched (face or card in its synced list), or null
 * @param card card UID in upper-case hex, for {@link CredentialMethod#CARD}, else null
 * @param qr QR text, for {@link CredentialMethod#QR}, else null
 * @param score face match score 0..1, or null
 * @param liveness face liveness, or null
 * @param bodyType what came with the person: pedestrian, ebike, bicycle, stroller, wheelchair
 */
public record AccessRequest(
    String requestId,
    long ts,
    String device,
    String direction,
    CredentialMethod method,
    String personId,
    String card,
    String qr,
    Double score,
    Boolean liveness,
    String bodyType) {}
