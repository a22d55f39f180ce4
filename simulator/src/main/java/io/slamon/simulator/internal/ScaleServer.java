package io.slamon.simulator.internal;

import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.InstantSource;

/**
 * Serves one {@link ScalePage} on {@code /metrics}. Two page buffers alternate: each interval the
 * values are written into the one not served last, and responses wrap the bytes without copying
 * them (Vert.x's public {@code Buffer.buffer(byte[])} would copy megabytes per scrape). A buffer
 * still being sent when its turn comes again is left to that response and replaced.
 */
public final class ScaleServer {
  /** One page buffer and the responses still sending it. */
  private static final class Slot {
    final byte[] bytes;
    int sending;
    long tick = Long.MIN_VALUE;

    Slot(byte[] bytes) {
      this.bytes = bytes;
    }
  }

  private final ScalePage page;
  private final InstantSource clock;
  private final long startMillis;
  private final long intervalMillis;
  private final Slot[] slots = new Slot[2];
  private int current;

  public ScaleServer(ScalePage page, InstantSource clock, long startMillis, long intervalMillis) {
    this.page = page;
    this.clock = clock;
    this.startMillis = startMillis;
    this.intervalMillis = intervalMillis;
    slots[0] = new Slot(page.newBuffer());
    slots[1] = new Slot(page.newBuffer());
  }

  public Future<HttpServer> listen(Vertx vertx, int port) {
    return vertx.createHttpServer(MetricsServers.http1Only())
        .requestHandler(request -> {
          if (!"/metrics".equals(request.path())) {
            request.response().setStatusCode(404).end("not found: only /metrics is served\n");
            return;
          }
          Slot slot = acquire();
          request.response()
              .putHeader("content-type", MetricsServers.DCGM_CONTENT_TYPE)
              .end(BufferInternal.buffer(Unpooled.wrappedBuffer(slot.bytes)))
              .onComplete(ar -> release(slot));
        })
        .listen(port, "127.0.0.1");
  }

  /** The page of the current interval, rendered on first request within it. */
  synchronized Slot acquire() {
    long tick = Math.floorDiv(clock.millis() - startMillis, intervalMillis);
    Slot slot = slots[current];
    if (slot.tick != tick) {
      int next = 1 - current;
      if (slots[next].sending > 0) {
        slots[next] = new Slot(page.newBuffer());
      }
      slot = slots[next];
      page.render(tick, slot.bytes);
      slot.tick = tick;
      current = next;
    }
    slot.sending++;
    return slot;
  }

  synchronized void release(Slot slot) {
    slot.sending--;
  }
}
