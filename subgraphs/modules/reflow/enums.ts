import { registerEnumType } from 'type-graphql';

/** Which way data moves between adjacent levels (004 art. 18-19). */
export enum ReflowDirection {
  /** 回流: a lower level receives an upper level's data on demand (004 art. 19, 000 art. 16). */
  REFLOW = 'REFLOW',
  /** 汇聚: an upper level collects a lower level's basic-database rows (004 art. 18). */
  AGGREGATION = 'AGGREGATION',
}

export enum ReflowFrequency {
  /** Delivered once; the subscription is done after its first successful run. */
  ONE_OFF = 'ONE_OFF',
  /** Changes since the last run, every intervalMinutes, by the receiving platform's scheduler. */
  INCREMENTAL = 'INCREMENTAL',
}

export enum ReflowApplicationState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}

export enum ReflowDecision {
  APPROVE = 'APPROVE',
  REFUSE = 'REFUSE',
}

export enum ReflowRunState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

export enum ReflowRunTrigger {
  COMMAND = 'COMMAND',
  SCHEDULER = 'SCHEDULER',
}

registerEnumType(ReflowDirection, { name: 'ReflowDirection', description: 'REFLOW: down to a lower level on demand (回流); AGGREGATION: up to the level above (汇聚)' });
registerEnumType(ReflowFrequency, { name: 'ReflowFrequency' });
registerEnumType(ReflowApplicationState, { name: 'ReflowApplicationState' });
registerEnumType(ReflowDecision, { name: 'ReflowDecision' });
registerEnumType(ReflowRunState, { name: 'ReflowRunState' });
registerEnumType(ReflowRunTrigger, { name: 'ReflowRunTrigger' });
