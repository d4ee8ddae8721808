import { URGENCY_ORDER, type CaseloadEntry } from '@workup/contracts';

/** Where an entry's urgency puts it: an open task by its urgency, then the plan's urgency. */
function rank(entry: CaseloadEntry): number {
  if (entry.task !== null && entry.task.status !== 'closed') {
    return entry.task.urgency === 'emergency' ? 0 : 1;
  }
  // Without an open task: the plan's urgency after the two task ranks; no plan last.
  return entry.urgency === null
    ? 2 + URGENCY_ORDER.length
    : 2 + URGENCY_ORDER.indexOf(entry.urgency);
}

/**
 * The caseload's order: open emergency red-flag tasks first, then urgent ones, each with the
 * earliest deadline first; then the rest by the latest plan's urgency (a plan with a red flag
 * that is not a task, such as an incomplete red-flag screen, before one without); then by name.
 */
export function compareCaseload(a: CaseloadEntry, b: CaseloadEntry): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.task !== null && b.task !== null) {
    const byDeadline = a.task.dueAt.localeCompare(b.task.dueAt);
    if (byDeadline !== 0) return byDeadline;
  }
  const red = (entry: CaseloadEntry) => (entry.flags.some((flag) => flag.colour === 'red') ? 0 : 1);
  const byRed = red(a) - red(b);
  if (byRed !== 0) return byRed;
  const byName =
    a.patient.familyName.localeCompare(b.patient.familyName) ||
    a.patient.givenName.localeCompare(b.patient.givenName);
  return byName !== 0 ? byName : a.patient.id.localeCompare(b.patient.id);
}
