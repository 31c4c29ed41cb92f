import { print } from 'graphql';
import { graphql } from './gql';
import type { MyApplicationsQuery } from './gql/graphql';

/*
 * A front-end team's client, typed from schema/public.graphql by `npm run codegen`: an agency's own
 * applications at every level, in one operation. The region lists the platforms; each level answers
 * its own lists, fetched in parallel by the gateway.
 */

export const MY_APPLICATIONS = graphql(`
  query MyApplications($first: Int = 50) {
    platforms {
      level
      name
      shareApplications(role: APPLICANT, first: $first) {
        totalCount
        nodes { id state submittedAt resource { id code name } }
      }
      upwardApplications(first: $first) {
        totalCount
        nodes { id filedAt resourceCode resource { id name } }
      }
    }
  }
`);

export type PlatformApplications = MyApplicationsQuery['platforms'][number];

/** Posts the operation to the gateway with the agency's token; GraphQL errors are returned with the data, not thrown. */
export async function myApplications(gatewayUrl: string, token: string, first = 50): Promise<{ data: MyApplicationsQuery | null; errors: { message: string; path?: (string | number)[] }[] }> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: print(MY_APPLICATIONS), variables: { first } }),
  });
  if (!response.headers.get('content-type')?.includes('json')) throw new Error(`the gateway answered HTTP ${response.status} without a GraphQL response`);
  const body = (await response.json()) as { data?: MyApplicationsQuery | null; errors?: { message: string; path?: (string | number)[] }[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** One line per application, as a list view would show it. */
export function describeApplications(platforms: readonly PlatformApplications[]): string[] {
  return platforms.flatMap((platform) => [
    ...(platform.shareApplications?.nodes ?? []).map((a) => `${platform.level} share ${a.state} ${a.resource?.name ?? '(resource not visible)'}`),
    ...(platform.upwardApplications?.nodes ?? []).map((a) => `${platform.level} upward ${a.resourceCode} ${a.resource?.name ?? '(resource not visible)'}`),
  ]);
}
