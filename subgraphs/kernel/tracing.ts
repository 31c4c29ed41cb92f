import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/*
 * Traces with OpenTelemetry, W3C `traceparent` carried gateway → platforms → calls between levels.
 * Off unless the operator names a collector (OTEL_EXPORTER_OTLP_ENDPOINT): without a provider the
 * API is a no-op and no header is added. @apollo/gateway adds its own spans (request, plan, fetch)
 * to whatever provider is installed.
 */

const tracer = () => trace.getTracer('multi-level-data-gateway');

/** Installs tracing for this process, sending spans to `processors`; returns how to flush and stop it. */
export function installTracing(serviceName: string, processors: SpanProcessor[]): () => Promise<void> {
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors: processors });
  trace.setGlobalTracerProvider(provider);
  return async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  };
}

/** Tracing as configured: an OTLP/HTTP exporter to the collector the operator named, or none. */
export async function installConfiguredTracing(serviceName: string, otlpEndpoint: string | null): Promise<(() => Promise<void>) | null> {
  if (!otlpEndpoint) return null;
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  return installTracing(serviceName, [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/$/, '')}/v1/traces` }))]);
}

/** Runs `handle` in a server span that continues the caller's trace (its traceparent header). */
export function withServerSpan<T>(name: string, headers: IncomingHttpHeaders, attributes: Record<string, string>, handle: (span: Span) => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    try {
      return await handle(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The headers that carry the active trace to the next service (none while tracing is off). */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** A statement run inside the active span, as an event: its verb and table, never its values. */
export function recordStatement(sql: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.addEvent('sql', { 'db.operation': /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL', 'db.table': /\b(?:FROM|INTO|UPDATE)\s+[`"]?(\w+)/i.exec(sql)?.[1] ?? '' });
}
