import { badInput } from '../errors';
import { Level, levelName, levelOfType, levelType } from '../levels';

/*
 * Global object identification (the Relay spec): every Node's `id` names its type and its record,
 * so `node(id)` needs no lookup to know which level answers it, and a mutation taking an id can tell
 * at once whether it is the right level's. Opaque to clients; stable across releases.
 */

export const globalId = (typeName: string, localId: string): string => Buffer.from(`${typeName}:${localId}`, 'utf8').toString('base64url');

/** The global id of a level's record of a concept: levelId('CITY', 'ShareApplication', row.id). */
export const levelId = (level: Level, concept: string, localId: string): string => globalId(levelType(level, concept), localId);

export interface DecodedId {
  typeName: string;
  localId: string;
}

export function decodeGlobalId(id: string): DecodedId | null {
  if (!/^[A-Za-z0-9_-]{4,400}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]{1,60}):(.{1,200})$/.exec(text);
  return match && globalId(match[1], match[2]) === id ? { typeName: match[1], localId: match[2] } : null;
}

/**
 * The local id behind a global id argument that must name one of `typeNames`; otherwise a
 * BAD_USER_INPUT naming the argument — and, when the id is of another level's type, which mutation
 * of which level acts on it (`hint`).
 */
export function localIdOf(field: string, id: string, typeNames: readonly string[], hint?: (decoded: DecodedId) => string | null): string {
  const decoded = decodeGlobalId(id);
  if (!decoded) throw badInput(field, `'${id.slice(0, 80)}' is not an id this API issued`);
  if (!typeNames.includes(decoded.typeName)) {
    const elsewhere = hint?.(decoded);
    throw badInput(field, `names a ${decoded.typeName}, not a ${typeNames.join(' or ')}${elsewhere ? `; ${elsewhere}` : ''}`, { typeName: decoded.typeName });
  }
  return decoded.localId;
}

/**
 * The local id of a global id argument naming this level's `concept` (CityShareApplication at the
 * city). An id of the same concept at another level is answered with the mutation of that level:
 * writes stay with the level that holds the object.
 */
export function levelLocalId(level: Level, field: string, id: string, concept: string, use: string | ((owner: Level) => string)): string {
  return localIdOf(field, id, [levelType(level, concept)], (decoded) => {
    const owner = levelOfType(decoded.typeName);
    if (!owner || decoded.typeName !== levelType(owner, concept)) return null;
    return `the ${owner.toLowerCase()} platform holds it: use ${typeof use === 'string' ? levelName(owner, use) : use(owner)}`;
  });
}
