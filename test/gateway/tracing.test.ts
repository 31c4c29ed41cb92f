import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { installTracing } from '../../subgraphs/kernel/tracing';
import { startTestStack, TestStack } from '../support/stack';

// Issue 14: one trace spans the gateway and the levels it asks, carried by W3C traceparent; the
// gateway's own spans (request, plan, fetch) and each platform's request span, with its SQL as events.
const exporter = new InMemorySpanExporter();
let uninstall: () => Promise<void>;
let stack: TestStack;

beforeAll(async () => {
  uninstall = installTracing('tracing-test', [new SimpleSpanProcessor(exporter)]);
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
  await uninstall?.();
});

/** The tree of a trace's spans, as names indented under their parents. */
function tree(spans: ReadableSpan[]): string[] {
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId;
    byParent.set(parent, [...(byParent.get(parent) ?? []), span]);
  }
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const roots = spans.filter((s) => !s.parentSpanContext || !ids.has(s.parentSpanContext.spanId));
  const lines: string[] = [];
  const walk = (span: ReadableSpan, depth: number) => {
    const service = span.attributes['service.instance'];
    lines.push(`${'  '.repeat(depth)}${span.name}${service ? ` [${service}]` : ''}`);
    for (const child of (byParent.get(span.spanContext().spanId) ?? []).sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])) walk(child, depth + 1);
  };
  roots.forEach((root) => walk(root, 0));
  return lines;
}

it('follows one request through the gateway into two levels in one trace', async () => {
  exporter.reset();
  const token = await stack.token(demoAgency('150102', Sector.CIVIL_AFFAIRS));
  const response = await stack.query(
    'query RollWithPersons { platform(level: COUNTY) { ... on AssistanceRoll { assistanceRecords(divisionCode: "150102", first: 2) { edges { node { idNumber person { name } } } } } } }',
    {},
    token,
    { 'x-request-id': 'trace-1' },
  );
  expect(response.body.errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 50));

  const spans = exporter.getFinishedSpans();
  const gatewayRequest = spans.find((s) => s.attributes['request.id'] === 'trace-1' && s.attributes['service.instance'] === 'gateway')!;
  expect(gatewayRequest).toBeDefined();
  const trace = spans.filter((s) => s.spanContext().traceId === gatewayRequest.spanContext().traceId);
  const services = new Set(trace.map((s) => s.attributes['service.instance']).filter(Boolean));
  expect([...services].sort()).toEqual(['county-platform', 'gateway', 'region-platform']);

  // Each platform's request span hangs under the gateway fetch that called it.
  const byId = new Map(trace.map((s) => [s.spanContext().spanId, s]));
  for (const platformSpan of trace.filter((s) => String(s.attributes['service.instance']).endsWith('-platform'))) {
    expect(byId.get(platformSpan.parentSpanContext!.spanId)?.name).toBe('gateway.fetch');
    expect(platformSpan.attributes['request.id']).toBe('trace-1');
  }
  expect(trace.map((s) => s.name)).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.fetch']));
  expect(trace.some((s) => s.events.some((e) => e.name === 'sql'))).toBe(true);

  expect(tree(trace)).toEqual([
    'POST /graphql [gateway]',
    '  gateway.request',
    '    gateway.validate',
    '    gateway.plan',
    '    gateway.execute',
    '      gateway.fetch',
    '        POST /graphql [region-platform]',
    '      gateway.fetch',
    '        POST /graphql [county-platform]',
    '      gateway.fetch',
    '        POST /graphql [region-platform]',
    '      gateway.postprocessing',
  ]);
});
