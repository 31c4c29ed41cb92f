import { DataSource } from 'typeorm';
import type { Caller } from './auth/caller';
import { Identity } from './auth/identity';
import { WorkingCalendar } from './calendar';
import { AuditCollector } from './audit/collector';
import { PlatformConfig } from './config';
import { Level } from './levels';
import { LoaderRegistry } from './loaders';
import { PolicySnapshots } from './db/policy-generation';
import { SharedState } from './shared-state';

/** What every resolver of every level gets: who asks, which platform answers, and per-request loaders. */
export interface RequestContext {
  /** An agency's or the public's request (auth/caller.ts). */
  caller: Caller;
  /** The agency asking. For a public caller there is none: reading it refuses the field with UNAUTHENTICATED. */
  identity: Identity;
  /** The caller's Authorization header, forwarded when this platform calls another level for them. */
  authorization: string;
  requestId: string;
  /** The level of the platform serving this request (not the requester's level). */
  level: Level;
  db: DataSource;
  config: Readonly<PlatformConfig>;
  loaders: LoaderRegistry;
  /** This platform's decision inputs kept across requests while the policy generation stands still. */
  snapshots: PolicySnapshots;
  /** Set once the operation is known to be a query: only then may loaders share kept rows (kernel/db/kept-rows.ts). */
  readsOnly: boolean;
  calendar: WorkingCalendar;
  /** This request's data accesses and events, written to the hash-chained trail before the response. */
  audit: AuditCollector;
  /** Fixed once per request so every deadline in one response is computed against the same instant. */
  now: Date;
  /**
   * What the request says its data serves, for every read it makes (the `x-data-purpose` header,
   * percent-encoded); a purpose argument of a root field says it for that field's records.
   */
  statedPurpose: string | null;
  /** Counters every replica of this platform shares (verification budgets). */
  shared: SharedState;
}
