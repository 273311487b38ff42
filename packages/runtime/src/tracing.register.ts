/**
 * Loaded with `node --import` before the entry point (the supervisor, the
 * container's ENTRYPOINT), so the instrumentations patch http, graphql and
 * pg before anything requires them. Off — nothing loaded, zero cost — unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracing } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { atLastStop } = require('./shutdown') as typeof import('./shutdown');
  const sdk = startTracing({ serviceName: process.env.OTEL_SERVICE_NAME ?? 'social-contract' });
  atLastStop(() => sdk.shutdown());
}
