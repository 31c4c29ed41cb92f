import { validate, ValidationError } from 'class-validator';
import { badInput } from '../errors';

/**
 * type-graphql argument validation with class-validator, reporting the first failing field by its
 * path (`input.items[2].code`) and the constraint's message, instead of a generic "Argument Validation Error".
 */
export async function validateArgument(value: unknown, _type: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const targets = Array.isArray(value) ? value : [value];
  for (const target of targets) {
    if (target === null || typeof target !== 'object') continue;
    const errors = await validate(target as object, { forbidUnknownValues: false });
    const first = firstError(errors, 'input');
    if (first) throw badInput(first.path, first.message);
  }
}

function firstError(errors: ValidationError[], prefix: string): { path: string; message: string } | null {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : `${prefix}.${error.property}`;
    if (error.constraints) return { path, message: Object.values(error.constraints)[0] };
    const nested = firstError(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}
