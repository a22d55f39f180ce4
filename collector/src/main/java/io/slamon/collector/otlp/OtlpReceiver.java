package io.slamon.collector.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.slamon.collector.BearerAuth;
import io.slamon.collector.CollectorMetrics;
import io.slamon.collector.EventSources;
import io.slamon.collector.WritePipeline;
import io.slamon.collector.admission.SeriesAdmission;
import io.slamon.store.Sample;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/metrics}: the OTLP/HTTP metrics receiver, protobuf
 * ({@code application/x-protobuf}) and JSON ({@code application/json}, the OTLP JSON mapping;
 * unknown fields are ignored as the specification requires). Authenticated like the events API
 * with a per-source bearer token. The answer is an {@code ExportMetricsServiceResponse} in the
 * request's encoding; points that were refused are reported in {@code partial_success}.
 *
 * <p>Status codes: 200 (all or some points stored; refused ones in {@code partial_success}),
 * 400 (body is not a valid request), 401 (token), 413 (body too large), 415 (content type), 422
 * (no point could be stored, e.g. all name an unknown tenant), 503 with {@code Retry-After}
 * (the write queue is full or closing: retry later, as OTLP clients do).
 */
public final class OtlpReceiver {
  public static final String PATH = "/v1/metrics";
  private static final Logger LOG = LoggerFactory.getLogger(OtlpReceiver.class);
  private static final String SOURCE = "slamon.otlp.source";
  private static final String JSON = "application/json";
  private static final String PROTOBUF = "application/x-protobuf";
  private static final JsonFormat.Parser JSON_PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer JSON_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

  private final Vertx vertx;
  private final EventSources sources;
  private final OtlpTranslator translator;
  private final SeriesAdmission admission;
  private final WritePipeline pipeline;
  private final CollectorMetrics metrics;
  private final InstantSource clock;
  private final long maxBodyBytes;

  public OtlpReceiver(Vertx vertx, EventSources sources, OtlpTranslator translator, SeriesAdmission admission,
      WritePipeline pipeline, CollectorMetrics metrics, InstantSource clock, long maxBodyBytes) {
    this.vertx = vertx;
    this.sources = sources;
    this.translator = translator;
    this.admission = admission;
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void mount(Router router) {
    router.post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(new BearerAuth(sources, "slamon otlp", SOURCE, (ctx, why) -> error(ctx, 401, why)))
        .handler(this::handle)
        .failureHandler(this::failure);
  }

  private void failure(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      error(ctx, 413, "request body larger than " + maxBodyBytes + " bytes; export smaller batches");
    } else {
      LOG.error("OTLP request failed", ctx.failure());
      error(ctx, 500, "internal error");
    }
  }

  private void handle(RoutingContext ctx) {
    String type = contentType(ctx);
    if (!type.equals(PROTOBUF) && !type.equals(JSON)) {
      error(ctx, 415, "Content-Type must be application/x-protobuf or application/json, got '" + type + "'");
      return;
    }
    String source = ctx.get(SOURCE);
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    // Decoding, translation, HMAC pseudonyms and limit checks are CPU work: off the event loop.
    vertx.<Admitted>executeBlocking(() -> admit(source, translator.translate(parse(bytes, type), source,
        clock.millis())), false).onComplete(ar -> {
          if (ar.failed()) {
            if (ar.cause() instanceof InvalidProtocolBufferException e) {
              error(ctx, 400, "body is not a valid OTLP ExportMetricsServiceRequest ("
                  + (type.equals(JSON) ? "JSON" : "protobuf") + "): " + firstLine(e.getMessage()));
            } else {
              LOG.error("translating an OTLP request from {} failed", source, ar.cause());
              error(ctx, 500, "internal error");
            }
            return;
          }
          write(ctx, type, source, ar.result());
        });
  }

  /** What may be written, and what was refused with which reasons. */
  private record Admitted(List<Sample> samples, long accepted, long refused, String message) {}

  private Admitted admit(String source, OtlpTranslator.Result result) {
    List<Sample> samples = new ArrayList<>();
    List<String> messages = new ArrayList<>(result.messages());
    long limited = 0;
    for (OtlpTranslator.PointSamples point : result.points()) {
      List<Sample> admitted = admission.admitGroup("otlp://" + source, point.samples());
      if (admitted == null) {
        limited++;
      } else {
        samples.addAll(admitted);
      }
    }
    if (limited > 0) {
      messages.add(limited + " points refused: series limit of the source or tenant reached");
    }
    return new Admitted(samples, result.points().size() - limited, result.rejectedPoints() + limited,
        String.join("; ", messages));
  }

  private void write(RoutingContext ctx, String type, String source, Admitted a) {
    metrics.otlpPoints(source, a.accepted(), a.refused());
    if (a.accepted() == 0 && a.refused() > 0) {
      error(ctx, 422, "no data point could be stored: " + a.message());
      return;
    }
    Future.fromCompletionStage(pipeline.offer(a.samples()), vertx.getOrCreateContext()).onComplete(ar -> {
      if (ar.failed()) {
        // queue full or closing: retryable, the client keeps the data and tries again
        ctx.response().putHeader("Retry-After", "5");
        error(ctx, 503, "samples not accepted for writing, retry later: " + ar.cause().getMessage());
        return;
      }
      ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
      if (a.refused() > 0) {
        response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
            .setRejectedDataPoints(a.refused()).setErrorMessage(a.message()));
        LOG.debug("OTLP source {}: {} points refused: {}", source, a.refused(), a.message());
      }
      respond(ctx, 200, type, response.build());
    });
  }

  private static ExportMetricsServiceRequest parse(byte[] bytes, String type) throws InvalidProtocolBufferException {
    if (type.equals(PROTOBUF)) {
      return ExportMetricsServiceRequest.parseFrom(bytes);
    }
    ExportMetricsServiceRequest.Builder b = ExportMetricsServiceRequest.newBuilder();
    try {
      JSON_PARSER.merge(new String(bytes, StandardCharsets.UTF_8), b);
    } catch (RuntimeException e) {
      // JsonFormat reports some malformed input (deep nesting, bad numbers) unchecked; it is still bad input
      throw new InvalidProtocolBufferException(String.valueOf(e.getMessage()));
    }
    return b.build();
  }

  private static void respond(RoutingContext ctx, int status, String type, ExportMetricsServiceResponse response) {
    try {
      Buffer out = type.equals(PROTOBUF) ? Buffer.buffer(response.toByteArray())
          : Buffer.buffer(JSON_PRINTER.print(response));
      ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(out);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e); // printing a message we built cannot fail
    }
  }

  /**
   * An error as the OTLP specification asks: a {@code google.rpc.Status}-shaped body; as JSON
   * for every client (the message is what a person reads), with the HTTP status as {@code code}.
   */
  private void error(RoutingContext ctx, int status, String message) {
    metrics.otlpRequestRejected(status);
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON)
        .end(new JsonObject().put("code", status).put("message", message).encode());
  }

  private static String contentType(RoutingContext ctx) {
    String t = ctx.request().getHeader("Content-Type");
    if (t == null) {
      return "";
    }
    int semi = t.indexOf(';');
    return (semi < 0 ? t : t.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
