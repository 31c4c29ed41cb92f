import { badInput } from './errors';

/*
 * Free text a person writes into a procedure — a statement, a reason, a legal basis — arrives trimmed
 * and bounded; an empty one where the rules ask for it is refused with BAD_USER_INPUT naming the field.
 */

/** The trimmed text, or BAD_USER_INPUT naming the field and why it is needed (`why`: the message). */
export function requireText(field: string, value: string | null | undefined, maxLength: number, why: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw badInput(field, why);
  if (text.length > maxLength) throw badInput(field, `at most ${maxLength} characters, got ${text.length}`);
  return text;
}

/** The trimmed text, null when there is none; BAD_USER_INPUT when longer than `maxLength`. */
export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > maxLength) throw badInput(field, `at most ${maxLength} characters, got ${text.length}`);
  return text || null;
}
