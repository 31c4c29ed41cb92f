import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ArgumentNode, DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, validate, ValidationRule, visit } from 'graphql';

/*
 * Armor's cost rule multiplies a selection by its `first`/`last` argument only when that argument is an
 * integer written in the operation. Validation runs before variables are known, so `catalog(first: $n)`
 * counted as one row whatever $n was, and a page of pages passed the cost limit. Once the operation is
 * resolved and its variables are known, this plugin writes the page sizes into the operation and runs
 * Armor's own cost rule again, so a page size costs the same whether it is written or passed.
 */

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/** Verdicts kept: clients repeat the same operations with the same page sizes. */
const VERDICT_CACHE_ENTRIES = 1000;

/** What one operation needs for the check, found once per parsed operation. */
interface PageSizedOperation {
  /** Tells operations apart in the verdict cache's keys. */
  id: number;
  /** The operation with the fragments it may spread, as validation sees them. */
  document: DocumentNode;
  /** Variables passed as `first`/`last`, with the integer default the operation declares for them. */
  pageSizeVariables: { name: string; defaultPageSize: number | null }[];
}

/** A refusal message, or null when the operation is within the limit. */
type Verdict = string | null;

export interface OperationCostOptions {
  maxCost: number;
}

export function operationCostPlugin(options: OperationCostOptions): ApolloServerPlugin<BaseContext> {
  const costRule = armorCostRule(options.maxCost);
  const analysed = new WeakMap<OperationDefinitionNode, PageSizedOperation>();
  const verdicts = new Map<string, Verdict>();
  let nextOperationId = 0;

  const analyse = (document: DocumentNode, operation: OperationDefinitionNode): PageSizedOperation => {
    let found = analysed.get(operation);
    if (!found) {
      const pageSizeDocument: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)],
      };
      found = { id: nextOperationId++, document: pageSizeDocument, pageSizeVariables: pageSizeVariablesOf(pageSizeDocument, operation) };
      analysed.set(operation, found);
    }
    return found;
  };

  const judge = (schema: GraphQLSchema, operation: PageSizedOperation, pageSizes: Map<string, number>): Verdict => {
    const written = visit(operation.document, {
      Argument(argument: ArgumentNode) {
        if (!PAGE_SIZE_ARGUMENTS.has(argument.name.value) || argument.value.kind !== Kind.VARIABLE) return undefined;
        const pageSize = pageSizes.get(argument.value.name.value);
        return pageSize === undefined ? undefined : { ...argument, value: { kind: Kind.INT, value: String(pageSize) } };
      },
    });
    return validate(schema, written, [costRule])[0]?.message ?? null;
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const pageSized = analyse(document, operation);
          if (pageSized.pageSizeVariables.length === 0) return;

          const pageSizes = new Map<string, number>();
          for (const { name, defaultPageSize } of pageSized.pageSizeVariables) {
            const pageSize = request.variables && name in request.variables ? request.variables[name] : defaultPageSize;
            // A value that is not an integer is refused by variable coercion; null leaves the field's default.
            if (Number.isSafeInteger(pageSize)) pageSizes.set(name, pageSize as number);
          }
          // Nothing written in: the operation costs what Armor already counted at validation.
          if (pageSizes.size === 0) return;

          const key = `${pageSized.id} ${JSON.stringify([...pageSizes])}`;
          let verdict = verdicts.get(key);
          if (verdict === undefined) {
            verdict = judge(schema, pageSized, pageSizes);
            verdicts.set(key, verdict);
            if (verdicts.size > VERDICT_CACHE_ENTRIES) verdicts.delete(verdicts.keys().next().value!);
          }
          if (verdict !== null) {
            // Thrown from didResolveOperation an error is a 500 unless it names its status: this is the
            // client's operation failing validation, answered as Apollo answers Armor's own refusal.
            throw new GraphQLError(verdict, { extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/** Armor's cost rule alone, configured as the gateway's Armor configures it apart from the limit. */
function armorCostRule(maxCost: number): ValidationRule {
  const off = { enabled: false };
  const { validationRules } = new ApolloArmor({
    costLimit: { maxCost },
    maxDepth: off,
    maxAliases: off,
    maxDirectives: off,
    maxTokens: off,
    blockFieldSuggestion: off,
  }).protect();
  if (validationRules.length !== 1) throw new Error(`expected Armor's cost rule alone, got ${validationRules.length} rules`);
  return validationRules[0];
}

/** Variables of the operation that some `first`/`last` argument in the document takes as its value. */
function pageSizeVariablesOf(document: DocumentNode, operation: OperationDefinitionNode): PageSizedOperation['pageSizeVariables'] {
  const used = new Set<string>();
  visit(document, {
    Argument(argument: ArgumentNode) {
      if (PAGE_SIZE_ARGUMENTS.has(argument.name.value) && argument.value.kind === Kind.VARIABLE) used.add(argument.value.name.value);
    },
  });
  return (operation.variableDefinitions ?? [])
    .filter((definition) => used.has(definition.variable.name.value))
    .map((definition) => ({
      name: definition.variable.name.value,
      defaultPageSize: definition.defaultValue?.kind === Kind.INT ? parseInt(definition.defaultValue.value, 10) : null,
    }));
}
