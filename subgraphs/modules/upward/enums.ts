import { registerEnumType } from 'type-graphql';

/** Where one level's step of an upward application stands (004 art. 25, 000 art. 23). */
export enum UpwardStepState {
  /** Received, waiting on this step's authority or data source department. */
  WAITING = 'WAITING',
  /** The authority applied to the authority one level up. */
  FORWARDED = 'FORWARDED',
  /** The authority sent it to the data source department holding the data. */
  ROUTED = 'ROUTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  /** The requester took the application back while this step waited. */
  WITHDRAWN = 'WITHDRAWN',
}

/** Who acts at a step: a public data authority passing the application on, or the data's holder deciding. */
export enum UpwardStepKind {
  AUTHORITY = 'AUTHORITY',
  HOLDER = 'HOLDER',
}

/** What an authority does with an application waiting on it. */
export enum UpwardReview {
  /** Apply to the authority one level up (the data is not at this level). */
  FORWARD = 'FORWARD',
  /** Send it to the data source department holding the data (at this level, or another city's). */
  ROUTE = 'ROUTE',
  REFUSE = 'REFUSE',
}

registerEnumType(UpwardStepState, { name: 'UpwardStepState' });
registerEnumType(UpwardStepKind, { name: 'UpwardStepKind' });
registerEnumType(UpwardReview, { name: 'UpwardReview' });
