import {
  RecordSickLeaveRequestSchema,
  SICK_LEAVE_SOURCES,
  type RecordSickLeaveRequest,
  type SickLeavePeriodRecord,
  type SickLeaveSource,
} from '@workup/contracts';
import type { FieldErrors } from '../../api-client';

/** The degrees offered: Sweden's quarter steps (reference.md §23.2). */
export const SICK_LEAVE_DEGREES = [25, 50, 75, 100] as const;
export type SickLeaveDegreeChoice = (typeof SICK_LEAVE_DEGREES)[number];

export { SICK_LEAVE_SOURCES };

export const SICK_LEAVE_FIELDS = ['from', 'to', 'degree', 'source'] as const;
export type SickLeaveField = (typeof SICK_LEAVE_FIELDS)[number];

/** What is wrong with a field, as a message key of `rtw.errors`. */
export type SickLeaveFieldProblem =
  'fromMissing' | 'toMissing' | 'toBeforeFrom' | 'degree' | 'source';

export interface SickLeaveFormValues {
  readonly from: string;
  readonly to: string;
  readonly degree: SickLeaveDegreeChoice | null;
  readonly source: SickLeaveSource | null;
}

export type SickLeaveFormResult =
  | { readonly ok: true; readonly request: RecordSickLeaveRequest }
  | {
      readonly ok: false;
      readonly problems: Partial<Record<SickLeaveField, SickLeaveFieldProblem>>;
    };

/**
 * Checks the form before it is sent (the server checks again, and its 422 is shown by field):
 * both dates given, `to` not before `from` (both inclusive), a degree and a source chosen.
 */
export function readSickLeaveForm(values: SickLeaveFormValues): SickLeaveFormResult {
  const problems: Partial<Record<SickLeaveField, SickLeaveFieldProblem>> = {};
  if (values.from === '') problems.from = 'fromMissing';
  if (values.to === '') problems.to = 'toMissing';
  else if (values.from !== '' && values.to < values.from) problems.to = 'toBeforeFrom';
  if (values.degree === null) problems.degree = 'degree';
  if (values.source === null) problems.source = 'source';
  if (Object.keys(problems).length > 0 || values.degree === null || values.source === null) {
    return { ok: false, problems };
  }
  const parsed = RecordSickLeaveRequestSchema.safeParse({
    from: values.from,
    to: values.to,
    degree: values.degree,
    source: values.source,
  });
  if (!parsed.success) {
    // A date the browser let through that the calendar does not have: name the field.
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'from') problems.from = 'fromMissing';
      if (field === 'to') problems.to = 'toMissing';
    }
    return { ok: false, problems };
  }
  return { ok: true, request: parsed.data };
}

/** The fields a 422 names (by their path, `fieldKey`), in the form's order. */
export function serverInvalidFields(fieldErrors: FieldErrors): SickLeaveField[] {
  return SICK_LEAVE_FIELDS.filter((field) => fieldErrors[field] !== undefined);
}

/** Periods on record first, then the removed ones; each group latest period first. */
export function orderPeriods(periods: readonly SickLeavePeriodRecord[]): SickLeavePeriodRecord[] {
  return [...periods].sort((a, b) => {
    const aRemoved = a.removedAt !== null;
    const bRemoved = b.removedAt !== null;
    if (aRemoved !== bRemoved) return aRemoved ? 1 : -1;
    if (a.from !== b.from) return a.from < b.from ? 1 : -1;
    return a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0;
  });
}
