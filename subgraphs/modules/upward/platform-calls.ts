import { GraphQLError } from 'graphql';
import { RequestContext } from '../../kernel/context';
import { notFound } from '../../kernel/errors';
import { levelName } from '../../kernel/graphql/level-names';
import { Level } from '../../kernel/levels';
import { callPlatform } from '../../kernel/service-client';
import { ShareType } from '../catalog/enums';
import { UpwardApplicationRow } from './application.entity';
import { UpwardStepKind } from './enums';
import { UpwardApplicationTransfer } from './graphql/inputs';
import { HOLDING_LEVELS } from './route';

/*
 * The explicit flows of an upward application: each is a signed call to another level's subgraph
 * that forwards the acting user's token, so the receiving level checks who acts (004 art. 25).
 */

const call = <T>(ctx: RequestContext, level: Level, query: string, variables: Record<string, unknown>) =>
  callPlatform<T>(ctx.config, level, { query, variables, authorization: ctx.authorization, requestId: ctx.requestId });

/** A catalog resource as its holding platform describes it. */
export interface TargetResource {
  id: string;
  code: string;
  level: Level;
  jurisdictionCode: string;
  state: string;
  sourceDepartmentUscc: string;
  items: { code: string; shareType: ShareType; maskRule: string | null }[];
}

/** Asks the region's, then the cities' platform for a published resource; its own platform has the items. */
export async function lookUpTarget(ctx: RequestContext, resourceId: string): Promise<TargetResource> {
  for (const level of HOLDING_LEVELS) {
    const field = levelName(level, '{level}Resource');
    try {
      const data = await call<Record<string, TargetResource>>(ctx, level,
        `query($id: ID!) { ${field}(id: $id) { id code level jurisdictionCode state sourceDepartmentUscc items { code shareType maskRule } } }`, { id: resourceId });
      return data[field];
    } catch (error) {
      if (!(error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND')) throw error;
    }
  }
  throw notFound(`input.resourceId: no region or city catalog resource ${resourceId}; upward applications ask for data a higher level holds (004 art. 25)`, { field: 'input.resourceId' });
}

const transferOf = (row: UpwardApplicationRow): UpwardApplicationTransfer => ({
  id: row.id,
  requesterUscc: row.requesterUscc,
  requesterUser: row.requesterUser,
  requesterLevel: row.requesterLevel as UpwardApplicationTransfer['requesterLevel'],
  requesterJurisdiction: row.requesterJurisdiction,
  resourceId: row.resourceId,
  resourceCode: row.resourceCode,
  resourceLevel: row.resourceLevel as UpwardApplicationTransfer['resourceLevel'],
  resourceJurisdiction: row.resourceJurisdiction,
  sourceDepartmentUscc: row.sourceDepartmentUscc,
  items: row.items,
  scenario: row.scenario,
  purpose: row.purpose,
  legalBasis: row.legalBasis,
  shareMode: row.shareMode,
  requestedEndDate: row.requestedEndDate,
  filedAt: row.filedAt,
});

/** The authority applies to the authority one level up, which records its own step. */
export async function handToAuthority(ctx: RequestContext, level: Level, row: UpwardApplicationRow): Promise<void> {
  await call(ctx, level, `mutation($a: UpwardApplicationTransfer!) { ${levelName(level, 'receive{Level}UpwardApplication')}(application: $a) }`, { a: transferOf(row) });
}

/** The region routes to another city's data source department: that city's platform files the share application. */
export async function handToHolder(ctx: RequestContext, level: Level, id: string): Promise<void> {
  await call(ctx, level, `mutation($id: ID!) { ${levelName(level, 'receive{Level}UpwardHolding')}(id: $id) }`, { id });
}

/** The requester's withdrawal at `at`, told to one step on another level. */
export async function passWithdrawal(ctx: RequestContext, level: Level, id: string, step: UpwardStepKind, at: Date): Promise<void> {
  await call(ctx, level, `mutation($id: ID!, $step: UpwardStepKind!, $at: DateTimeISO!) { ${levelName(level, 'record{Level}UpwardWithdrawal')}(id: $id, step: $step, at: $at) }`, { id, step, at });
}
