import { Kind, parse } from 'graphql';

export type ServiceScopeVerdict = { ok: true } | { ok: false; reason: string };

/**
 * A SERVICE identity acts for an agency without a user, so it may call only the root fields the
 * mounted modules declare for services (e.g. a reflow pull), never the user API. Checked on the raw
 * request before anything runs; anything but plain root fields (fragments at the root) is refused.
 */
export function checkServiceScope(rawBody: Buffer, allowedRootFields: ReadonlySet<string>): ServiceScopeVerdict {
  let query: unknown;
  try {
    query = (JSON.parse(rawBody.toString('utf8')) as { query?: unknown }).query;
  } catch {
    return { ok: false, reason: 'a service request must be a JSON body with a query' };
  }
  if (typeof query !== 'string') return { ok: false, reason: 'a service request must carry a query' };
  let document;
  try {
    document = parse(query);
  } catch (error) {
    return { ok: false, reason: `service request: ${(error as Error).message}` };
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) return { ok: false, reason: 'a service request may not define fragments' };
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) return { ok: false, reason: 'a service request selects root fields directly' };
      if (selection.name.value !== '__typename' && !allowedRootFields.has(selection.name.value)) {
        return { ok: false, reason: `root field ${selection.name.value} is not open to SERVICE identities` };
      }
    }
  }
  return { ok: true };
}
