import { conflict } from '../../kernel/errors';
import { CatalogState } from './enums';

/** Who may take a workflow step: the providing agency, or the authority of the resource's jurisdiction. */
export type Actor = 'PROVIDER' | 'AUTHORITY';

export type CatalogAction = 'edit' | 'submit' | 'approve' | 'return' | 'publish' | 'revise';

interface Step {
  from: readonly CatalogState[];
  /** null: the action does not move this version (edit; revise starts a new version). */
  to: CatalogState | null;
  actor: Actor;
}

/**
 * The review workflow of 004 art. 10-11: an agency compiles its catalog and submits it to the
 * authority of its own jurisdiction, which approves or returns it and publishes what it approved.
 * A published version is never edited: a revision starts a new draft version.
 */
export const WORKFLOW: Record<CatalogAction, Step> = {
  edit: { from: [CatalogState.DRAFT, CatalogState.RETURNED], to: null, actor: 'PROVIDER' },
  submit: { from: [CatalogState.DRAFT, CatalogState.RETURNED], to: CatalogState.SUBMITTED, actor: 'PROVIDER' },
  approve: { from: [CatalogState.SUBMITTED], to: CatalogState.APPROVED, actor: 'AUTHORITY' },
  return: { from: [CatalogState.SUBMITTED], to: CatalogState.RETURNED, actor: 'AUTHORITY' },
  publish: { from: [CatalogState.APPROVED], to: CatalogState.PUBLISHED, actor: 'AUTHORITY' },
  revise: { from: [CatalogState.PUBLISHED], to: null, actor: 'PROVIDER' },
};

/** CONFLICT unless `action` is allowed from `state`; the message says what would be. */
export function requireStep(action: CatalogAction, resourceId: string, state: CatalogState): Step {
  const step = WORKFLOW[action];
  if (!step.from.includes(state)) {
    throw conflict(`cannot ${action} resource ${resourceId}: it is ${state}; ${action} needs ${step.from.join(' or ')}`, { state, action });
  }
  return step;
}
