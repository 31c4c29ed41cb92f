export { WorkingCalendar, validateArrangement, readArrangementFile } from './working-calendar';
export type { YearArrangement, WorkingDayTarget } from './working-calendar';
export { beijingDay, endOfBeijingDay } from './beijing-days';
export {
  POLICY_PROFILES,
  DEFAULT_PROFILE_ASSIGNMENTS,
  ProfileAssignments,
  defaultProfileAssignments,
  profileForJurisdiction,
  assignProfile,
  ruleFor,
} from './policy-profiles';
export type { DeadlineKind, DeadlineRule, PolicyProfile } from './policy-profiles';
export { computeDeadline, deadlineStatus } from './deadlines';
export type { Deadline, DeadlineStatus } from './deadlines';
export { deadlineThresholds } from './thresholds';
export type { DeadlineThreshold } from './thresholds';
