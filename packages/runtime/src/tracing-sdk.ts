import type { Context } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { REDACTED_ATTRIBUTES } from './redact-span';

/**
 * The official Node SDK with the instrumentations for HTTP (gateway ⇄
 * subgraphs, W3C traceparent), GraphQL (operations; trivial field resolvers
 * left out) and pg (statements). Kafka is traced by our adapter itself
 * (relay and consumer, per record, with the CloudEvents traceparent stored
 * in the outbox row) — ARCHITECTURE.md says why not instrumentation-kafkajs.
 * Exporter: OTLP over HTTP from the OTEL_EXPORTER_OTLP_* variables, or the
 * span processors a test passes (an in-memory exporter). Either way every
 * span passes the redaction first.
 */
export function startTracing(o: { serviceName: string; spanProcessors?: SpanProcessor[] }): NodeSDK {
  const processors = o.spanProcessors ?? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })];
  const sdk = new NodeSDK({
    serviceName: o.serviceName,
    spanProcessors: processors.map((p) => new RedactingSpanProcessor(p)),
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are not requests anybody traces.
        ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)\b/.test(req.url ?? ''),
        // The gateway's readiness calls to the subgraphs belong to no request.
        requireParentforOutgoingSpans: true,
      }),
      // The gateway fetches its subgraphs with undici (gateway/src/subgraph-fetch.ts), which the http one does not see.
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      // requireParentSpan: the relay's and the audit sealer's polls belong to no request and would flood the traces.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  return sdk;
}

/**
 * Statement and document text keeps its shape and loses its values before
 * any exporter sees it: MikroORM inlines parameters (СНИЛС, names) into the
 * SQL that the pg instrumentation records.
 */
class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly inner: SpanProcessor) {}

  onStart(span: Span, parent: Context): void {
    this.inner.onStart(span, parent);
  }

  onEnd(span: ReadableSpan): void {
    const attributes = span.attributes as Record<string, unknown>;
    for (const [key, redact] of Object.entries(REDACTED_ATTRIBUTES)) {
      const v = attributes[key];
      if (typeof v === 'string') attributes[key] = redact(v);
    }
    this.inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/** For tests: spans kept in memory, from the SDK's own copy of the trace package. */
export { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
