import Module from 'node:module';

/**
 * @apollo/gateway requires, when it is loaded, modules that only features this gateway leaves off
 * need: the OpenTelemetry metrics SDK, its exporter and four cloud resource detectors (usage
 * telemetry, disabled by no-phone-home), @apollo/composition (composing at run time; we serve a
 * composed supergraph), the usage-reporting protobuf (federated traces, not requested), node-fetch
 * (RemoteGraphQLDataSource, replaced by subgraph-data-source.ts) and @graphql-tools/schema (Apollo
 * Server building a schema from type definitions; the gateway supplies its own). Loaded, they cost
 * every worker ~14 MB of memory (docs/performance.md). make-fetch-happen cannot wait: @apollo/gateway
 * imports it in a way that reads the whole module at once.
 *
 * For these modules a require returns a stand-in that loads the real module on first use, so a
 * feature that is switched on still works exactly as before. Importing this module installs it:
 * the worker entry imports it before anything loads @apollo/gateway (tests and scripts do not).
 */
const DEFERRED_MODULES: ReadonlySet<string> = new Set([
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/exporter-metrics-otlp-http',
  '@opentelemetry/resources',
  '@opentelemetry/resource-detector-alibaba-cloud',
  '@opentelemetry/resource-detector-aws',
  '@opentelemetry/resource-detector-azure',
  '@opentelemetry/resource-detector-gcp',
  '@apollo/composition',
  '@apollo/usage-reporting-protobuf',
  'node-fetch',
  '@graphql-tools/schema',
]);

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;

function deferModuleLoading(modules: ReadonlySet<string>): void {
  const loader = Module as unknown as { _load: Load };
  const load = loader._load;
  loader._load = function deferringLoad(this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (!modules.has(request)) return load.call(this, request, parent, isMain);
    let real: object | undefined;
    const loadReal = () => (real ??= load.call(this, request, parent, false) as object);
    // Every way of reading the module (property, `in`, key listing) loads it first, then answers from it.
    return new Proxy(
      {},
      {
        get: (_, key) => Reflect.get(loadReal(), key),
        has: (_, key) => Reflect.has(loadReal(), key),
        ownKeys: () => Reflect.ownKeys(loadReal()),
        getOwnPropertyDescriptor: (_, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(loadReal(), key);
          // A proxy may only report a property its empty target lacks as configurable.
          return descriptor && { ...descriptor, configurable: true };
        },
      },
    );
  };
}

deferModuleLoading(DEFERRED_MODULES);
