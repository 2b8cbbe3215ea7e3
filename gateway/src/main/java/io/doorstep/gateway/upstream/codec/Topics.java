package io.doorstep.gateway.upstream.codec;

/** The ThingsBoard gateway API's topics (../shared/devices/upstream-thingsboard.md); all QoS 1. */
public final class Topics {
  private Topics() {}

  public static final String CONNECT = "v1/gateway/connect";
  public static final String DISCONNECT = "v1/gateway/disconnect";
  public static final String TELEMETRY = "v1/gateway/telemetry";
  public static final String ATTRIBUTES = "v1/gateway/attributes";
  public static final String ATTRIBUTES_REQUEST = "v1/gateway/attributes/request";
  public static final String ATTRIBUTES_RESPONSE = "v1/gateway/attributes/response";
  public static final String RPC = "v1/gateway/rpc";
  public static final String OWN_TELEMETRY = "v1/devices/me/telemetry";
  public static final String OWN_ATTRIBUTES = "v1/devices/me/attributes";
  public static final int QOS = 1;
}
