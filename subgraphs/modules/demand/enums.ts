import { registerEnumType } from 'type-graphql';

/**
 * Where a demand for data not yet in the catalog stands (004 art. 24): the authority reviews it, the
 * source department (数源部门) confirms it onto its responsibility list, then delivers the data.
 */
export enum DemandState {
  SUBMITTED = 'SUBMITTED',
  AUTHORITY_APPROVED = 'AUTHORITY_APPROVED',
  CONFIRMED = 'CONFIRMED',
  DELIVERED = 'DELIVERED',
  REFUSED = 'REFUSED',
}

export enum DemandReviewDecision {
  APPROVE = 'APPROVE',
  REFUSE = 'REFUSE',
}

/** Which of the two reviews of 004 art. 24 turned a demand down. */
export enum DemandRefusalStep {
  AUTHORITY_REVIEW = 'AUTHORITY_REVIEW',
  SOURCE_DEPARTMENT = 'SOURCE_DEPARTMENT',
}

registerEnumType(DemandState, { name: 'DemandState', description: 'Progress of a data demand application (004 art. 24)' });
registerEnumType(DemandReviewDecision, { name: 'DemandReviewDecision' });
registerEnumType(DemandRefusalStep, { name: 'DemandRefusalStep', description: 'The review that refused a demand (004 art. 24)' });
