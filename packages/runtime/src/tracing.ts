import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';

export { SpanKind, SpanStatusCode, type Span };

/**
 * Tracing helpers over the OpenTelemetry API only. With no SDK registered
 * (OTEL_EXPORTER_OTLP_ENDPOINT unset: `tracing.register.ts` starts none)
 * every call is the API's no-op: no span is made and no header is written.
 */
const tracer = () => trace.getTracer('social-contract');

/** W3C traceparent of the active span, for the CloudEvents distributed-tracing extension; undefined when off. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** A span whose parent is the given traceparent (a message's), or the active span when there is none. */
export function startSpanFrom(
  traceparent: string | undefined,
  name: string,
  kind: SpanKind,
  attributes: Attributes = {},
): Span {
  const parent = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : context.active();
  return tracer().startSpan(name, { kind, attributes }, parent);
}

/** The traceparent that names `span` as the parent of what follows from it (a published message). */
export function traceparentOf(span: Span): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier.traceparent;
}

/** Runs `fn` with `span` active (database spans and staged messages become its children), then ends it. */
export async function inSpan<T>(span: Span, fn: () => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(context.active(), span), fn);
  } catch (e) {
    span.recordException(e as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).name });
    throw e;
  } finally {
    span.end();
  }
}
