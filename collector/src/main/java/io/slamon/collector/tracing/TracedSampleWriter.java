package io.slamon.collector.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import java.util.List;

/**
 * A {@code write} span around every batch the write pipeline hands to the store, with the
 * number of samples and, on failure, the exception — so a slow or failing database shows up in
 * traces next to the scrapes that fed it.
 */
public final class TracedSampleWriter implements SampleWriter {
  private final SampleWriter delegate;
  private final Tracer tracer;

  public TracedSampleWriter(SampleWriter delegate, Tracer tracer) {
    this.delegate = delegate;
    this.tracer = tracer;
  }

  @Override
  public void write(List<Sample> samples) {
    Span span = tracer.spanBuilder("write").setAttribute("slamon.samples", samples.size()).startSpan();
    try {
      delegate.write(samples);
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  @Override
  public void idle() {
    delegate.idle();
  }
}
