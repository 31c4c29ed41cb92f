import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Every error a client can see carries a machine-readable `extensions.code` and a message that says
 * which field is wrong and why. Domain codes (SHARE_DENIED, ...) are added by the modules that own them.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SHARE_DENIED'
  | 'OPEN_SUSPENDED'
  | 'RATE_LIMITED'
  | 'AGENCY_SUSPENDED'
  | 'PLATFORM_UNAVAILABLE'
  | 'SUBSCRIPTION_CANCELLED'
  | 'PLATFORM_ERROR';

export function platformError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = 'A valid bearer token is required') => platformError('UNAUTHENTICATED', message);
export const forbidden = (message: string, extensions?: Record<string, unknown>) => platformError('FORBIDDEN', message, extensions);
export const notFound = (message: string, extensions?: Record<string, unknown>) => platformError('NOT_FOUND', message, extensions);
export const conflict = (message: string, extensions?: Record<string, unknown>) => platformError('CONFLICT', message, extensions);

/** Bad input names the argument or input field it is about, so a client can point at it. */
export const badInput = (field: string, message: string, extensions?: Record<string, unknown>) =>
  platformError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...extensions });

/** The one message a client gets for a failure that is not its own; the details go to the logs. */
export const INTERNAL_ERROR_MESSAGE = 'internal error; the x-request-id of this response identifies it in the logs';

/**
 * What a client may see of an error, at the gateway and at every platform: never a raw subgraph
 * response with its internal address, and in production never a stack, SQL text or driver message.
 * Errors the platform raised on purpose (a code other than INTERNAL_SERVER_ERROR) keep their message.
 */
export function clientErrorFormatter(environment: 'development' | 'test' | 'production') {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const { response: _response, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    // The gateway's planner says INVALID_GRAPHQL where validation would say GRAPHQL_VALIDATION_FAILED,
    // and its parser's limits (GraphQL Armor) call a syntax error a validation failure.
    if (extensions.code === 'INVALID_GRAPHQL') extensions.code = 'GRAPHQL_VALIDATION_FAILED';
    if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message.startsWith('Syntax Error')) extensions.code = 'GRAPHQL_PARSE_FAILED';
    const internal = extensions.code === undefined || extensions.code === 'INTERNAL_SERVER_ERROR';
    if (environment === 'production' && internal) {
      return { message: INTERNAL_ERROR_MESSAGE, ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    // A refusal the platform meant (SHARE_DENIED on a thousand fields of a page) needs no stack to be understood.
    if (!internal) delete extensions.stacktrace;
    return { ...formatted, extensions };
  };
}
