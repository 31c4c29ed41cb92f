import {
  ArgumentNode,
  DirectiveNode,
  DocumentNode,
  FieldDefinitionNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/*
 * Demand control (Apollo's name; the IBM GraphQL cost specification is its source): what an operation
 * may cost is estimated before anything runs, from the `@cost` and `@listSize` directives each
 * platform puts on its fields and the supergraph carries (Federation 2.9). An object costs 1, a
 * scalar or enum 0, a field with `@cost(weight:)` its weight; a list multiplies what one element
 * costs by its size: the page-size argument it names (`slicingArguments`, variables included, or the
 * argument's default), else its `assumedSize`. A connection names the list inside it that the page
 * size sizes (`sizedFields: ["edges"]`). Nested lists multiply — which is what refuses a page of
 * pages however it is written, while one large page passes.
 */

interface ListSize {
  assumedSize: number | null;
  slicingArguments: string[];
  sizedFields: string[];
}

interface FieldCost {
  weight: number | null;
  listSize: ListSize | null;
}

/** `Type.field` → what the supergraph says it costs; fields it says nothing about are absent. */
export type CostModel = ReadonlyMap<string, FieldCost>;

/** A list nobody annotated is assumed this long (a test keeps every list of objects annotated). */
export const UNANNOTATED_LIST_SIZE = 100;

function directiveArgs(directive: DirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

function fieldCostOf(field: FieldDefinitionNode): FieldCost | null {
  let weight: number | null = null;
  let listSize: ListSize | null = null;
  for (const directive of field.directives ?? []) {
    const args = directiveArgs(directive);
    if (directive.name.value === 'cost') weight = Number(args.weight);
    if (directive.name.value === 'listSize') {
      listSize = {
        assumedSize: typeof args.assumedSize === 'number' ? args.assumedSize : null,
        slicingArguments: (args.slicingArguments as string[] | undefined) ?? [],
        sizedFields: (args.sizedFields as string[] | undefined) ?? [],
      };
    }
  }
  return weight === null && listSize === null ? null : { weight, listSize };
}

/** Reads the cost directives of every object and interface field of a composed supergraph. */
export function costModelOf(supergraphSdl: string): CostModel {
  const model = new Map<string, FieldCost>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const cost = fieldCostOf(field);
      if (cost) model.set(`${definition.name.value}.${field.name.value}`, cost);
    }
  }
  return model;
}

interface Walk {
  schema: GraphQLSchema;
  model: CostModel;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** An argument's value as the field will see it: written, from a variable, or the argument's default. */
function argumentValue(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>, name: string): unknown {
  const written: ArgumentNode | undefined = node.arguments?.find((a) => a.name.value === name);
  if (written) {
    if (written.value.kind === Kind.VARIABLE) {
      const value = walk.variables[written.value.name.value];
      if (value !== undefined) return value;
    } else {
      return valueFromASTUntyped(written.value, walk.variables);
    }
  }
  return field.args.find((a) => a.name === name)?.defaultValue;
}

/** How many elements a list field is estimated to hold for this selection of it. */
function sizeOf(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>, listSize: ListSize | null): number {
  if (listSize) {
    const sliced = listSize.slicingArguments.map((name) => argumentValue(walk, node, field, name)).filter((v): v is number => typeof v === 'number');
    if (sliced.length) return Math.max(...sliced, 0);
    if (listSize.assumedSize !== null) return listSize.assumedSize;
  }
  return UNANNOTATED_LIST_SIZE;
}

function fieldCost(walk: Walk, node: FieldNode, parent: GraphQLCompositeType, sizedHere: ReadonlyMap<string, number>): number {
  if (node.name.value.startsWith('__') || !('getFields' in parent)) return 0;
  const field = parent.getFields()[node.name.value];
  if (!field) return 0;
  const cost = walk.model.get(`${parent.name}.${field.name}`) ?? { weight: null, listSize: null };
  const named = getNamedType(field.type);
  const own = cost.weight ?? (isCompositeType(named) ? 1 : 0);

  // A connection sizes the lists it names with its own page size.
  const sizedBelow = new Map<string, number>();
  if (cost.listSize?.sizedFields.length) {
    const size = sizeOf(walk, node, field, cost.listSize);
    for (const sized of cost.listSize.sizedFields) sizedBelow.set(sized, size);
  }
  const children = node.selectionSet && isCompositeType(named) ? selectionCost(walk, node.selectionSet, named, sizedBelow) : 0;
  const perElement = own + children;
  if (!isListType(getNullableType(field.type))) return perElement;
  const count = sizedHere.get(field.name) ?? (cost.listSize?.sizedFields.length ? UNANNOTATED_LIST_SIZE : sizeOf(walk, node, field, cost.listSize));
  return count * perElement;
}

/**
 * Fields asked of every object add up; fragments on a more specific type than the parent apply to
 * only some of the objects, so of those the most expensive type condition counts.
 */
function selectionCost(walk: Walk, set: SelectionSetNode, parent: GraphQLCompositeType, sized: ReadonlyMap<string, number>): number {
  let common = 0;
  const byType = new Map<string, number>();
  const visit = (selections: SelectionSetNode, typeCondition: string | undefined, seen: Set<string>) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!typeCondition || typeCondition === parent.name) {
          common += fieldCost(walk, selection, parent, sized);
        } else {
          const type = walk.schema.getType(typeCondition);
          if (type && isCompositeType(type)) byType.set(typeCondition, (byType.get(typeCondition) ?? 0) + fieldCost(walk, selection, type, sized));
        }
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
      if (!fragment) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(selection.name.value)) continue;
        seen.add(selection.name.value);
      }
      const condition = fragment.typeCondition?.name.value;
      // A condition on an interface or union the parent belongs to selects from every object of it.
      const narrower = condition && condition !== parent.name && !(isAbstractType(walk.schema.getType(condition)) && isObjectType(parent)) ? condition : typeCondition;
      visit(fragment.selectionSet, narrower, seen);
    }
  };
  visit(set, undefined, new Set());
  return common + (byType.size ? Math.max(...byType.values()) : 0);
}

/** The estimated cost of running `operation` with `variables`. */
export function estimateCost(schema: GraphQLSchema, model: CostModel, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  // A variable not passed takes the default its operation declares, as execution will.
  const effective = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (effective[name] === undefined && definition.defaultValue) effective[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return selectionCost({ schema, model, fragments, variables: effective }, operation.selectionSet, root, new Map());
}
