import type {
  CareStep,
  ContactMode,
  EligibilityEvidence,
  RecordReferralEventRequest,
  ReferralNotificationRecord,
  ReferralStatus,
  SvaiRiskGroup,
} from '@workup/contracts';
import { STEP_MODES, SVAI_SESSION_PLAN } from '@workup/core';
import { localDateTimeToIso } from '../rtw/calendar';

export { STEP_MODES };

/** The sessions MI-NAV's SVAI plans for a risk group (reference.md §20; core's plan). */
export function plannedSessions(riskGroup: SvaiRiskGroup): { min: number; max: number } {
  return SVAI_SESSION_PLAN[riskGroup];
}

/** The "struggling at work?" answer as the API takes it: yes, no, or not asked (null). */
export type StrugglingAnswer = 'yes' | 'no' | 'notAsked';

export function strugglingValue(answer: StrugglingAnswer): boolean | null {
  return answer === 'yes' ? true : answer === 'no' ? false : null;
}

/** What can still happen to a referral in this status (core's fold; docs/vocational-and-cdm.md). */
export interface ReferralActions {
  readonly accept: boolean;
  readonly decline: boolean;
  readonly contact: boolean;
  readonly discharge: boolean;
  readonly withdraw: boolean;
}

export function referralActions(status: ReferralStatus): ReferralActions {
  switch (status) {
    case 'referred':
      return { accept: true, decline: true, contact: false, discharge: false, withdraw: true };
    case 'accepted':
      // Discharge needs a contact first (`no_contact`).
      return { accept: false, decline: true, contact: true, discharge: false, withdraw: true };
    case 'in_progress':
      // Declining after advice began is refused (`already_in_progress`).
      return { accept: false, decline: false, contact: true, discharge: true, withdraw: true };
    case 'discharged':
    case 'declined':
    case 'withdrawn':
      return { accept: false, decline: false, contact: false, discharge: false, withdraw: false };
  }
}

export function isOpenStatus(status: ReferralStatus): boolean {
  return status === 'referred' || status === 'accepted' || status === 'in_progress';
}

/** Core's rejection codes that the screens explain; other codes show the server's words. */
export const CONFLICT_CODES = [
  'not_accepted',
  'already_accepted',
  'step_skipped',
  'mode_not_allowed',
  'no_employer_consent',
  'contact_time',
  'already_in_progress',
  'no_contact',
  'closed',
  'out_of_order',
] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** Names the HTTP layer may give the same rejections (contracts `api/rtw.ts` mentions these). */
const CONFLICT_ALIASES: Readonly<Record<string, ConflictCode>> = {
  contact_mode_not_allowed: 'mode_not_allowed',
  already_closed: 'closed',
  employer_consent_required: 'no_employer_consent',
  step_not_reached: 'step_skipped',
  referral_not_accepted: 'not_accepted',
};

/** The rejection a 409's code stands for, or null for a code the screens do not know. */
export function conflictCode(code: string): ConflictCode | null {
  if ((CONFLICT_CODES as readonly string[]).includes(code)) return code as ConflictCode;
  return CONFLICT_ALIASES[code] ?? null;
}

export interface ContactFormValues {
  readonly occurredAt: string;
  readonly step: CareStep | null;
  readonly mode: ContactMode | null;
  readonly employerContactConsent: boolean;
  readonly notes: string;
}

export type ContactField = 'occurredAt' | 'step' | 'mode' | 'consent';

export type ContactFormResult =
  | { readonly ok: true; readonly request: RecordReferralEventRequest }
  | { readonly ok: false; readonly problems: readonly ContactField[] };

/**
 * Reads the contact form: a real local date and time, a step, a mode the step allows
 * (`STEP_MODES`) and, at step 3, the patient's agreement to contact the workplace. The server
 * checks again (the time against the referral, the step order) and answers 409 with core's code.
 */
export function readContactForm(values: ContactFormValues): ContactFormResult {
  const problems: ContactField[] = [];
  const occurredAt = localDateTimeToIso(values.occurredAt);
  if (occurredAt === null) problems.push('occurredAt');
  if (values.step === null) problems.push('step');
  if (
    values.mode === null ||
    (values.step !== null && !STEP_MODES[values.step].includes(values.mode))
  ) {
    problems.push('mode');
  }
  if (values.step === 3 && !values.employerContactConsent) problems.push('consent');
  if (problems.length > 0 || occurredAt === null || values.step === null || values.mode === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    request: {
      type: 'contact',
      occurredAt,
      step: values.step,
      mode: values.mode,
      ...(values.step === 3 ? { employerContactConsent: true } : {}),
      notes: values.notes.trim(),
    },
  };
}

/** The mode to keep when the step changes: the same if the new step allows it, else none. */
export function modeForStep(step: CareStep, mode: ContactMode | null): ContactMode | null {
  return mode !== null && STEP_MODES[step].includes(mode) ? mode : null;
}

/** Newest first; ties by id so the order is stable. */
export function newestNotificationsFirst(
  notifications: readonly ReferralNotificationRecord[],
): ReferralNotificationRecord[] {
  return [...notifications].sort((a, b) => {
    const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
    return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** An evidence value as a short code the screen turns into words (`null`, `true`, `false`). */
export function evidenceValue(
  evidence: EligibilityEvidence,
): { kind: 'null' } | { kind: 'boolean'; value: boolean } | { kind: 'text'; value: string } {
  if (evidence.value === null) return { kind: 'null' };
  if (typeof evidence.value === 'boolean') return { kind: 'boolean', value: evidence.value };
  return { kind: 'text', value: String(evidence.value) };
}
