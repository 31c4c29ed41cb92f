import pino, { DestinationStream, Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/*
 * What an operator sees of a service: one JSON log line per request (pino) and Prometheus metrics
 * (prom-client). Each service has its own logger and registry — tests run several in one process.
 * Neither ever carries a token, a record key or a value: only ids, codes, names and durations.
 */

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A service's JSON logger: stdout, or `destination` (a test reading the lines). */
export function createLogger(service: string, level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label: string) => ({ level: label }) } };
  return destination ? pino(options, destination) : pino(options);
}

/** Operation names are the client's: only well-formed ones become label values, and only so many. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 200;

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation' | 'outcome'>;
  /** The gateway's calls to each level. */
  readonly subgraphFetchSeconds: Histogram<'level' | 'outcome'>;
  /** Every share decision a platform made, by effect and reason (the audit trail holds the details). */
  readonly decisions: Counter<'effect' | 'reason'>;
  /** Appending a request's records to the hash-chained audit trail. */
  readonly auditAppendSeconds: Histogram;
  /** Runs of each subscription a receiving platform's scheduler ran, by how they ended. */
  readonly reflowRuns: Counter<'subscription' | 'state'>;
  /** Rows those runs wrote and deleted. */
  readonly reflowRows: Counter<'subscription' | 'change'>;
  /** How old a subscription's copy may be: seconds since its last successful run started. */
  readonly reflowLagSeconds: Gauge<'subscription'>;
  private readonly operations = new Set<string>();

  constructor(readonly service: string, options: { processMetrics: boolean }) {
    this.registry.setDefaultLabels({ service });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok, errors, refused, failed)', labelNames: ['operation', 'outcome'], registers });
    this.requestSeconds = new Histogram({ name: 'graphql_request_duration_seconds', help: 'Time to answer a GraphQL request, by operation name and outcome', labelNames: ['operation', 'outcome'], registers, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    this.subgraphFetchSeconds = new Histogram({ name: 'gateway_subgraph_fetch_duration_seconds', help: "Time of the gateway's fetches from each level", labelNames: ['level', 'outcome'], registers, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    this.decisions = new Counter({ name: 'enforcement_decisions_total', help: 'Share decisions on data items, by effect and reason', labelNames: ['effect', 'reason'], registers });
    this.reflowRuns = new Counter({ name: 'reflow_runs_total', help: "Scheduled reflow runs by subscription and how they ended", labelNames: ['subscription', 'state'], registers });
    this.reflowRows = new Counter({ name: 'reflow_rows_total', help: 'Rows written or deleted by scheduled reflow runs', labelNames: ['subscription', 'change'], registers });
    this.reflowLagSeconds = new Gauge({ name: 'reflow_lag_seconds', help: 'Seconds since the last successful run of a received subscription started', labelNames: ['subscription'], registers });
    this.auditAppendSeconds = new Histogram({ name: 'audit_append_duration_seconds', help: "Time to append a request's records to the audit trail", registers, buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5] });
  }

  /** The label value of a client's operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(invalid)';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return '(other)';
    this.operations.add(name);
    return name;
  }
}
