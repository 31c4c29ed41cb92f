/** Outcome of validating an identifier: either valid, or the first problem found in words a person can act on. */
export type CheckResult = { valid: true } | { valid: false; reason: string };

export const VALID: CheckResult = { valid: true };
export const invalid = (reason: string): CheckResult => ({ valid: false, reason });
