export {
  addOffset,
  duplicateTimepoints,
  expandSchedule,
  planAssignments,
  windowDates,
  windowInstants,
} from './schedule';
export type { PlannedAssignment, ScheduleOccurrence } from './schedule';
export {
  isTimeZone,
  localDateOf,
  offsetMs,
  startOfLocalDay,
  zonedTimeToInstant,
} from './time-zone';
export { followupState, mayRemind, responseDelaySeconds } from './state';
export type { AssignmentFacts } from './state';
export { chooseChannel, reminderTimes, remindersToQueue } from './reminders';
export type { PlannedReminder } from './reminders';
export { reconcileAssignments } from './reconcile';
export type { ExistingAssignment, Reconciliation } from './reconcile';
export { meanDelayDays, medianDelayDays, summariseCompletion } from './dashboard';
export type { CompletionRow, TimepointCompletion } from './dashboard';
export { MESSAGE_LANGUAGES, renderReminder } from './message';
export type { MessageLanguage, ReminderMessage, ReminderMessageInput } from './message';
