import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { PendingScenario } from '../report';
import { BenchContext, postGraphQL } from '../scenario';

/** The root field the record scenarios query; it arrives with the records module. */
export const RECORDS_ROOT_FIELD = 'regionPersons';

/** Whether the committed supergraph has a Query field (read from the file, as the gateways serve it). */
export function supergraphHasQueryField(supergraphSdl: string, field: string): boolean {
  return parse(supergraphSdl).definitions.some(
    (definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
      definition.name.value === 'Query' &&
      (definition.fields ?? []).some((f) => f.name.value === field),
  );
}

export function recordsModuleServed(supergraphPath: string): boolean {
  return supergraphHasQueryField(readFileSync(supergraphPath, 'utf8'), RECORDS_ROOT_FIELD);
}

/** The table row of a record scenario while the records module is not in the supergraph. */
export function recordsPending(id: string, title: string, goal: string): PendingScenario {
  return { id, title, goal, pending: `pending: records module (no ${RECORDS_ROOT_FIELD} in the supergraph)` };
}

/** A banner's civil affairs bureau reading the region's population records. */
export const READER = demoAgency('150102', Sector.CIVIL_AFFAIRS);

/**
 * Grants the reader every item a record query was refused (the region holds the records), so that the
 * enforced query decides every field and releases it, returning the same data as the bypassed one.
 */
export async function grantWhatIsDenied(context: BenchContext, body: string, authorization: string): Promise<void> {
  const refusals = (answer: any): any[] => (answer?.errors ?? []).filter((e: any) => e.extensions?.code === 'SHARE_DENIED');
  const itemsByResource = new Map<string, Set<string>>();
  for (const { extensions } of refusals(await postGraphQL(context.ours.url, body, { authorization }))) {
    itemsByResource.set(extensions.resourceId, (itemsByResource.get(extensions.resourceId) ?? new Set()).add(extensions.item));
  }
  for (const [resourceId, items] of itemsByResource) {
    await context.stack.grantAccess('REGION', { agencyUscc: READER.uscc, resourceId, itemCodes: [...items] });
  }
  const after = await postGraphQL(context.ours.url, body, { authorization });
  if (after?.errors) {
    const messages = [...new Set(after.errors.map((e: { message: string }) => e.message))].join('; ');
    throw new Error(`the record query still fails after granting access: ${messages}`);
  }
}
