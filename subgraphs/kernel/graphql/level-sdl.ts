import {
  ArgumentNode, ConstDirectiveNode, DefinitionNode, DocumentNode, FieldDefinitionNode, InterfaceTypeDefinitionNode, Kind, NamedTypeNode, ObjectTypeDefinitionNode,
  StringValueNode, TypeNode, visit,
} from 'graphql';
import { isLevel, Level, levelName } from '../levels';

/*
 * Shapes the SDL a level's subgraph publishes from the classes it was built with (see ownership.ts):
 * - a type owned by another level keeps its key, the fields its interfaces require (@external) and
 *   the fields this level contributes (@ownedBy on the field) — a stub or an entity extension;
 * - a field owned by another level is dropped from a type this level owns; a field another level
 *   keeps a copy of (@alsoAnsweredBy) is @shareable at the owner, @external at the copy's level, and
 *   provided there by the fields that list the copies (@providesCopies → @provides);
 * - `Node` is declared only where `node` is served;
 * - level-named root fields get their names;
 * - types nothing reaches any more are dropped, so the SDL does not depend on what other levels'
 *   schemas built in the same process added to shared classes.
 */


const OWNED_BY = 'ownedBy';
const ALSO_ANSWERED_BY = 'alsoAnsweredBy';
const PROVIDES_COPIES = 'providesCopies';
const LEVEL_NAMED = 'levelNamed';
const MARKERS = [OWNED_BY, ALSO_ANSWERED_BY, PROVIDES_COPIES, LEVEL_NAMED];
const NODE = 'Node';

function argument(directive: ConstDirectiveNode, name: string): string | null {
  const arg = directive.arguments?.find((a: ArgumentNode) => a.name.value === name);
  if (!arg) return null;
  return arg.value.kind === Kind.ENUM ? arg.value.value : arg.value.kind === Kind.STRING ? (arg.value as StringValueNode).value : null;
}

function levelIn(node: { directives?: readonly ConstDirectiveNode[] }, marker: string): Level | null {
  const directive = node.directives?.find((d) => d.name.value === marker);
  const level = directive ? argument(directive, 'level') : null;
  return isLevel(level) ? level : null;
}

const ownerOf = (node: { directives?: readonly ConstDirectiveNode[] }) => levelIn(node, OWNED_BY);

const directive = (name: string): ConstDirectiveNode => ({ kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: name }, arguments: [] });
const withoutMarkers = (directives: readonly ConstDirectiveNode[] | undefined) => (directives ?? []).filter((d) => !MARKERS.includes(d.name.value));
const hasKey = (node: { directives?: readonly ConstDirectiveNode[] }) => Boolean(node.directives?.some((d) => d.name.value === 'key'));

/** Top-level field names of every @key of a type (keys here are flat: "id", "level", "code"). */
function keyFields(node: ObjectTypeDefinitionNode): Set<string> {
  const names = new Set<string>();
  for (const d of node.directives ?? []) if (d.name.value === 'key') for (const name of (argument(d, 'fields') ?? '').split(/\s+/)) if (name) names.add(name);
  return names;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

export interface LevelSdl {
  document: DocumentNode;
  /** Level-named root fields, per root type: the name type-graphql built them with → the name this level serves. */
  renamedRootFields: Map<'Query' | 'Mutation', Map<string, string>>;
  /** Types of other levels declared here as stubs: they need a reference resolver that returns the reference. */
  stubTypes: string[];
}

export function shapeForLevel(document: DocumentNode, level: Level): LevelSdl {
  const definitions = new Map<string, DefinitionNode>();
  for (const definition of document.definitions) if ('name' in definition && definition.name) definitions.set(definition.name.value, definition);
  const interfaceFields = (name: string) => {
    const definition = definitions.get(name);
    return definition?.kind === Kind.INTERFACE_TYPE_DEFINITION ? new Set((definition.fields ?? []).map((f) => f.name.value)) : new Set<string>();
  };
  const query = definitions.get('Query') as ObjectTypeDefinitionNode | undefined;
  const servesNode = Boolean(query?.fields?.some((field) => namedType(field.type) === NODE));
  const renamedRootFields = new Map<'Query' | 'Mutation', Map<string, string>>([['Query', new Map()], ['Mutation', new Map()]]);
  const stubTypes: string[] = [];

  /**
   * A field listing objects this level keeps copies of provides the copied fields of the other
   * levels' types: `@provides(fields: "... on CityResource { code name jurisdiction { code } }")`.
   */
  const provided = (field: FieldDefinitionNode, marked: boolean): FieldDefinitionNode => {
    if (!marked) return field;
    const returned = namedType(field.type);
    const candidates = [...definitions.values()].filter(
      (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && (d.name.value === returned || Boolean(d.interfaces?.some((i) => i.name.value === returned))),
    );
    const selections = candidates.flatMap((type) => {
      const owner = ownerOf(type);
      if (owner === null || owner === level) return [];
      const copied = (type.fields ?? []).filter((f) => levelIn(f, ALSO_ANSWERED_BY) === level).map((f) => {
        const target = definitions.get(namedType(f.type));
        return target?.kind === Kind.OBJECT_TYPE_DEFINITION ? `${f.name.value} { ${[...keyFields(target)][0] ?? '__typename'} }` : f.name.value;
      });
      return copied.length ? [`... on ${type.name.value} { ${copied.join(' ')} }`] : [];
    });
    if (!selections.length) return field;
    const provides: ConstDirectiveNode = {
      kind: Kind.DIRECTIVE,
      name: { kind: Kind.NAME, value: 'provides' },
      arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'fields' }, value: { kind: Kind.STRING, value: selections.join(' ') } }],
    };
    return { ...field, directives: [...(field.directives ?? []), provides] };
  };

  /** The fields a level declares of an object type: its own, the keys, and what interfaces require (external). */
  const shapeFields = (type: ObjectTypeDefinitionNode, owner: Level | null, interfaces: string[]): FieldDefinitionNode[] => {
    const keys = keyFields(type);
    const required = new Set(interfaces.flatMap((name) => [...interfaceFields(name)]));
    const fields: FieldDefinitionNode[] = [];
    for (const field of type.fields ?? []) {
      const fieldOwner = ownerOf(field) ?? owner;
      const copyAt = levelIn(field, ALSO_ANSWERED_BY);
      const name = field.name.value;
      const directives = withoutMarkers(field.directives);
      const external = () => ({ ...field, directives: [...directives.filter((d) => !['shareable', 'cost', 'listSize'].includes(d.name.value)), directive('external')] });
      if (keys.has(name) || fieldOwner === null || fieldOwner === level) {
        // The owner shares the field with the level keeping a copy.
        const shared = copyAt !== null && fieldOwner !== null && copyAt !== fieldOwner && !directives.some((d) => d.name.value === 'shareable');
        const kept = { ...field, directives: shared ? [...directives, directive('shareable')] : directives };
        fields.push(provided(kept, Boolean(field.directives?.some((d) => d.name.value === PROVIDES_COPIES))));
      } else if (copyAt === level || required.has(name)) {
        // Another subgraph answers it (here at most provided): no @shareable, no demand-control weights.
        fields.push(external());
      }
    }
    return fields;
  };

  /** A level-named root field gets this level's name. */
  const named = (root: 'Query' | 'Mutation') => (field: FieldDefinitionNode): FieldDefinitionNode => {
    const marker = field.directives?.find((d) => d.name.value === LEVEL_NAMED);
    const pattern = marker ? argument(marker, 'pattern') : null;
    if (!pattern) return field;
    const name = levelName(level, pattern);
    renamedRootFields.get(root)!.set(field.name.value, name);
    return { ...field, name: { ...field.name, value: name } };
  };

  const shaped = visit(document, {
    ObjectTypeDefinition(node) {
      const owner = ownerOf(node);
      const interfaces = (node.interfaces ?? []).map((i) => i.name.value).filter((name) => definitions.has(name) && (name !== NODE || servesNode));
      if (owner !== null && owner !== level && hasKey(node)) stubTypes.push(node.name.value);
      const root = node.name.value === 'Query' || node.name.value === 'Mutation' ? node.name.value : null;
      const rootField = (field: FieldDefinitionNode) => provided({ ...field, directives: withoutMarkers(field.directives) }, Boolean(field.directives?.some((d) => d.name.value === PROVIDES_COPIES)));
      const fields = root ? (node.fields ?? []).map(named(root)).map(rootField) : shapeFields(node, owner, interfaces);
      return {
        ...node,
        directives: withoutMarkers(node.directives),
        interfaces: (node.interfaces ?? []).filter((i: NamedTypeNode) => interfaces.includes(i.name.value)),
        fields,
      };
    },
    InterfaceTypeDefinition(node) {
      if (node.name.value === NODE && !servesNode) return null;
      return {
        ...node,
        directives: withoutMarkers(node.directives),
        interfaces: (node.interfaces ?? []).filter((i: NamedTypeNode) => i.name.value !== NODE || servesNode),
        // Demand-control weights belong to the implementations, which carry them (federation allows no @cost here).
        fields: (node.fields ?? []).map((field) => ({ ...field, directives: withoutMarkers(field.directives).filter((d) => d.name.value !== 'cost') })),
      };
    },
  }) as DocumentNode;

  return { document: withoutUnreachable(shaped, new Set(stubTypes)), renamedRootFields, stubTypes };
}

/**
 * Drops type definitions nothing reaches: from the root types, this level's entities (the gateway
 * reaches them through `_entities`) and, transitively, field, argument and interface types and the
 * implementations of every reachable interface.
 */
function withoutUnreachable(document: DocumentNode, stubs: ReadonlySet<string>): DocumentNode {
  const byName = new Map<string, DefinitionNode>();
  for (const definition of document.definitions) if ('name' in definition && definition.name) byName.set(definition.name.value, definition);
  const implementations = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const i of definition.interfaces ?? []) implementations.set(i.name.value, [...(implementations.get(i.name.value) ?? []), definition.name.value]);
  }
  const reached = new Set<string>();
  const pending: string[] = ['Query', 'Mutation'];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && hasKey(definition) && !stubs.has(definition.name.value)) pending.push(definition.name.value);
  }
  while (pending.length) {
    const name = pending.pop()!;
    if (reached.has(name) || !byName.has(name)) continue;
    reached.add(name);
    const definition = byName.get(name)!;
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const field of definition.fields ?? []) {
        pending.push(namedType(field.type));
        if ('arguments' in field) for (const arg of field.arguments ?? []) pending.push(namedType(arg.type));
      }
    }
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const i of definition.interfaces ?? []) pending.push(i.name.value);
    }
    if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION) pending.push(...(implementations.get(name) ?? []));
    if (definition.kind === Kind.UNION_TYPE_DEFINITION) for (const member of definition.types ?? []) pending.push(member.name.value);
  }
  const typeKinds: string[] = [Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.ENUM_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION, Kind.SCALAR_TYPE_DEFINITION];
  return {
    ...document,
    definitions: document.definitions.filter((d) => !typeKinds.includes(d.kind) || !('name' in d) || !d.name || reached.has(d.name.value)),
  };
}
