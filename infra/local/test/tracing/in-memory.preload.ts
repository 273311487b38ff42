/**
 * Loaded with `node --import` before the traced script: the official SDK
 * with the same instrumentations as production, exporting to memory.
 */
import { InMemorySpanExporter, SimpleSpanProcessor, startTracing } from '@sc/runtime/tracing-sdk';

const exporter = new InMemorySpanExporter();
startTracing({ serviceName: 'trace-test', spanProcessors: [new SimpleSpanProcessor({ exporter })] });
(globalThis as { spanExporter?: InMemorySpanExporter }).spanExporter = exporter;
