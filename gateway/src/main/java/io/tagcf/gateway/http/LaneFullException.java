package io.tagcf.gateway.http;

/** A dependency's lane took no more work: the gateway answers 503 with {@code Retry-After}. */
public final class LaneFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String lane;

  public LaneFullException(String lane) {
    super("the gateway's " + lane + " lane is full", null, false, false);
    this.lane = lane;
  }

  public String lane() {
    return lane;
  }
}
