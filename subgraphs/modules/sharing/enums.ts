import { registerEnumType } from 'type-graphql';
import { ApplicationState } from './application.entity';

/** What the data source department does with an application (004 art. 23). */
export enum ShareDecision {
  APPROVE = 'APPROVE',
  REFUSE = 'REFUSE',
}

/** Which side of applications the caller lists: its own, or those waiting on its department. */
export enum ShareApplicationRole {
  APPLICANT = 'APPLICANT',
  REVIEWER = 'REVIEWER',
}

/** The steps of an application's progress as the platform shows it (004 art. 23). */
export enum ShareApplicationStepKind {
  SUBMITTED = 'SUBMITTED',
  DECIDED = 'DECIDED',
  WITHDRAWN = 'WITHDRAWN',
  DELIVERED = 'DELIVERED',
}

registerEnumType(ApplicationState, { name: 'ShareApplicationState' });
registerEnumType(ShareDecision, { name: 'ShareDecision' });
registerEnumType(ShareApplicationRole, { name: 'ShareApplicationRole' });
registerEnumType(ShareApplicationStepKind, { name: 'ShareApplicationStepKind' });
