// Every test process: no telemetry from @apollo/gateway, test environment.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
process.env.NODE_ENV = 'test';
import 'reflect-metadata';
