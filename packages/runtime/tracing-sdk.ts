/** The OpenTelemetry SDK entry (heavy: loaded only by the tracing preload and tests, never by @sc/runtime's index). */
export * from './src/tracing-sdk';
