import { currentTraceparent, inSpan, SpanKind, startSpanFrom, traceparentOf } from './tracing';

/** With no SDK started (OTEL_EXPORTER_OTLP_ENDPOINT unset) tracing costs nothing and writes nothing. */
describe('tracing when it is off', () => {
  it('records no span and puts no traceparent on a message', async () => {
    const parent = '00-2173104674da4f29a81c60c9f452d67e-788db25ed8fef421-01';
    const span = startSpanFrom(parent, 'publish x', SpanKind.PRODUCER);
    expect(span.isRecording()).toBe(false);
    expect(traceparentOf(span)).toBeUndefined();
    await inSpan(span, async () => expect(currentTraceparent()).toBeUndefined());
  });
});
