import { GraphQLError } from 'graphql';

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
  | 'AGENCY_SUSPENDED'
  | 'PLATFORM_UNAVAILABLE'
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
