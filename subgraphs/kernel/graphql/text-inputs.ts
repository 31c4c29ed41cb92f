import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ArgumentNode, DocumentNode, GraphQLError, Kind, ValueNode, visit } from 'graphql';

/**
 * Every text a client sends is bounded and printable, whatever field it is for: a string longer than
 * this, or one holding a control character other than tab, newline and carriage return, is refused
 * with BAD_USER_INPUT naming the argument before anything runs. Control characters have no place in
 * names, reasons or search words, and NUL reaches the database engines in ways that differ (SQLite
 * stops a LIKE pattern at it). Fields that search have a tighter bound of their own.
 */
export const MAX_TEXT_LENGTH = 10_000;
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function textProblem(text: string): string | null {
  if (text.length > MAX_TEXT_LENGTH) return `is ${text.length} characters long; text inputs are at most ${MAX_TEXT_LENGTH}`;
  const control = CONTROL_CHARACTER.exec(text);
  if (control) return `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; text inputs are printable`;
  return null;
}

type Problem = { path: string; problem: string };

function checkValue(value: unknown, path: string, found: Problem[]): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) found.push({ path, problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkValue(item, `${path}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkValue(item, `${path}.${key}`, found);
  }
}

function checkLiteral(node: ValueNode, path: string, variables: Record<string, unknown>, found: Problem[]): void {
  switch (node.kind) {
    case Kind.STRING:
      return checkValue(node.value, path, found);
    case Kind.VARIABLE:
      return checkValue(variables[node.name.value], path, found);
    case Kind.LIST:
      return node.values.forEach((item, i) => checkLiteral(item, `${path}[${i}]`, variables, found));
    case Kind.OBJECT:
      return node.fields.forEach((field) => checkLiteral(field.value, `${path}.${field.name.value}`, variables, found));
    default:
      return undefined;
  }
}

/** The first text input of the operation that is too long or not printable, named by its argument path. */
export function textInputProblem(document: DocumentNode, variables: Record<string, unknown>): Problem | null {
  const found: Problem[] = [];
  visit(document, {
    Argument(argument: ArgumentNode) {
      checkLiteral(argument.value, argument.name.value, variables, found);
    },
  });
  // A variable's value is checked where it is used; one the operation declares but never uses still reaches the resolvers' context.
  for (const [name, value] of Object.entries(variables)) checkValue(value, `$${name}`, found);
  return found[0] ?? null;
}

/** Refuses, at the gateway and at every platform, an operation with a text input that is too long or not printable. */
export function textInputsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const found = textInputProblem(document, request.variables ?? {});
          if (found) {
            throw new GraphQLError(`${found.path}: ${found.problem}`, { extensions: { code: 'BAD_USER_INPUT', field: found.path, http: { status: 400 } } });
          }
        },
      };
    },
  };
}
