/**
 * @apollo/gateway reports usage to Apollo and probes cloud-metadata addresses when it is constructed
 * unless this is set. Imported first by every entry point (gateway, scripts, tests, benchmarks):
 * nothing in this project may contact an address other than loopback.
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
export {};
