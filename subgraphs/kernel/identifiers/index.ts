export * from './check-result';
export * from './uscc';
export * from './citizen-id';
export * from './division-code';
