import { RequestContext } from '../../kernel/context';
import { badInput, notFound } from '../../kernel/errors';
import { globalId } from '../../kernel/graphql/global-id';
import { Level, levelName, levelType } from '../../kernel/levels';
import { callPlatform } from '../../kernel/service-client';
import { ShareType } from '../catalog/enums';
import { UpwardApplicationRow } from './application.entity';
import { UpwardStepKind } from './enums';
import { FiledFacts } from './drafts';
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

/**
 * The resource an application names, as the platform holding it describes it. Its id says which
 * level that is; a county's data is never applied for upward (004 art. 25).
 */
export async function lookUpTarget(ctx: RequestContext, level: Level, resourceId: string): Promise<TargetResource> {
  if (!HOLDING_LEVELS.includes(level)) throw badInput('input.resourceId', 'names a county resource; upward applications ask for data a higher level holds (004 art. 25)');
  const typeName = levelType(level, 'Resource');
  const data = await call<{ _entities: (TargetResource | null)[] }>(ctx, level,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { code level jurisdictionCode state sourceDepartmentUscc items { code shareType maskRule } } } }`,
    { r: [{ __typename: typeName, id: globalId(typeName, resourceId) }] });
  const resource = data._entities[0];
  if (!resource) throw notFound(`input.resourceId: no ${level.toLowerCase()} catalog resource ${resourceId} that you may see`, { field: 'input.resourceId' });
  return { ...resource, id: resourceId };
}

const transferOf = (row: UpwardApplicationRow): FiledFacts => ({
  id: row.id,
  requesterUscc: row.requesterUscc,
  requesterUser: row.requesterUser,
  requesterLevel: row.requesterLevel as FiledFacts['requesterLevel'],
  requesterJurisdiction: row.requesterJurisdiction,
  resourceId: row.resourceId,
  resourceCode: row.resourceCode,
  resourceLevel: row.resourceLevel as FiledFacts['resourceLevel'],
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
