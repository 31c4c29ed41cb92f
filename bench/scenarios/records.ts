import { demoAgency, Sector } from '../../subgraphs/modules/agency/demo-agencies';
import { decodeGlobalId } from '../../subgraphs/kernel/graphql/global-id';
import { BenchContext, postGraphQL } from '../scenario';

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
    // Refusals name the resource by its global id; the grant is written with the region's own id.
    const resourceId = decodeGlobalId(extensions.resourceId)?.localId ?? extensions.resourceId;
    itemsByResource.set(resourceId, (itemsByResource.get(resourceId) ?? new Set()).add(extensions.item));
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
