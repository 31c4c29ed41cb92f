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

/**
 * The first bad text in a value, its path built only when one is found: `_entities` requests carry
 * every representation as a variable, and most requests have nothing to report.
 */
function checkValue(value: unknown, path: () => string): Problem | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: path(), problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = checkValue(value[i], () => `${path()}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) {
      const found = checkValue((value as Record<string, unknown>)[key], () => `${path()}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function checkLiteral(node: ValueNode, path: () => string, variables: Record<string, unknown>): Problem | null {
  switch (node.kind) {
    case Kind.STRING:
      return checkValue(node.value, path);
    case Kind.VARIABLE:
      return checkValue(variables[node.name.value], path);
    case Kind.LIST:
      for (let i = 0; i < node.values.length; i++) {
        const found = checkLiteral(node.values[i], () => `${path()}[${i}]`, variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = checkLiteral(field.value, () => `${path()}.${field.name.value}`, variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/** The arguments of a document, in document order, found once per parsed document (Apollo Server reuses it for the same text). */
const argumentsByDocument = new WeakMap<DocumentNode, readonly ArgumentNode[]>();

function argumentsOf(document: DocumentNode): readonly ArgumentNode[] {
  let found = argumentsByDocument.get(document);
  if (!found) {
    const collected: ArgumentNode[] = [];
    visit(document, { Argument: (argument: ArgumentNode) => void collected.push(argument) });
    found = collected;
    argumentsByDocument.set(document, found);
  }
  return found;
}

/** The first text input of the operation that is too long or not printable, named by its argument path. */
export function textInputProblem(document: DocumentNode, variables: Record<string, unknown>): Problem | null {
  for (const argument of argumentsOf(document)) {
    const found = checkLiteral(argument.value, () => argument.name.value, variables);
    if (found) return found;
  }
  // A variable's value is checked where it is used; one the operation declares but never uses still reaches the resolvers' context.
  for (const name in variables) {
    const found = checkValue(variables[name], () => `$${name}`);
    if (found) return found;
  }
  return null;
}

/** The first text of a JSON body (a service stream's request) that is too long or not printable, by its path from the body's fields. */
export function jsonTextProblem(body: unknown): Problem | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return checkValue(body, () => 'body');
  for (const field in body) {
    const found = checkValue((body as Record<string, unknown>)[field], () => field);
    if (found) return found;
  }
  return null;
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
