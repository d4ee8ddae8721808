import type {
  CdmActionItem,
  CdmActor,
  CdmEmployerStep,
  CdmIssue,
  CdmItem,
  CdmItemCategory,
  CdmJointStep,
  CdmPatientStep,
  CdmRecord,
  CdmSharingConsent,
  CdmStep,
  Meeting,
  RecordSharingRequest,
} from '@workup/contracts';
import { recordCdmStep } from '@workup/core';

/**
 * The pure logic behind the CDM screens: step forms as drafts turned into request bodies (with
 * the same checks as core's `recordCdmStep`, so most mistakes show before anything is sent),
 * the patient's item-by-item approval, and the employer's deadlines. No React, no I/O.
 */

/** The four item lists of steps 1 and 2. */
export const ITEM_SECTIONS = [
  'obstacles',
  'resources',
  'employerView',
  'possibleAdjustments',
] as const;
export type ItemSection = (typeof ITEM_SECTIONS)[number];

/** Which step each item list belongs to. */
export const SECTION_STEP: Readonly<Record<ItemSection, CdmStep>> = {
  obstacles: 'patient_clinician',
  resources: 'patient_clinician',
  employerView: 'clinician_employer',
  possibleAdjustments: 'clinician_employer',
};

/** The record field of each step. */
export const STEP_FIELD: Readonly<
  Record<CdmStep, 'patientClinician' | 'clinicianEmployer' | 'joint'>
> = {
  patient_clinician: 'patientClinician',
  clinician_employer: 'clinicianEmployer',
  joint: 'joint',
};

/** An item being typed: the category is empty until chosen (categories are asked, not guessed). */
export interface ItemDraft {
  readonly id: string;
  readonly text: string;
  readonly category: CdmItemCategory | '';
}

export interface ActionDraft {
  readonly id: string;
  readonly what: string;
  readonly who: CdmActor | '';
  readonly byWhen: string;
}

export interface PatientStepDraft {
  readonly heldOn: string;
  readonly obstacles: readonly ItemDraft[];
  readonly resources: readonly ItemDraft[];
}

export interface EmployerStepDraft {
  readonly heldOn: string;
  readonly employerView: readonly ItemDraft[];
  readonly possibleAdjustments: readonly ItemDraft[];
}

export interface JointStepDraft {
  readonly heldOn: string;
  readonly actionPlan: readonly ActionDraft[];
  readonly reviewOn: string;
}

export interface StepDrafts {
  patient_clinician: PatientStepDraft;
  clinician_employer: EmployerStepDraft;
  joint: JointStepDraft;
}

export interface StepBodies {
  patient_clinician: CdmPatientStep;
  clinician_employer: CdmEmployerStep;
  joint: CdmJointStep;
}

/**
 * A problem with a draft, keyed like the server's field errors (`obstacles.0.text`, `heldOn`);
 * `params` fill the message (`number` is 1-based for people, the key keeps the 0-based index).
 */
export interface DraftProblem {
  readonly field: string;
  readonly code:
    | 'held_on_required'
    | 'review_on_required'
    | 'text_required'
    | 'text_too_long'
    | 'category_required'
    | 'what_required'
    | 'who_required'
    | 'by_when_required'
    | 'action_required';
  readonly section?: ItemSection;
  readonly number?: number;
}

export type DraftResult<S extends CdmStep> =
  | { readonly ok: true; readonly body: StepBodies[S] }
  | { readonly ok: false; readonly problems: readonly DraftProblem[] };

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 1000;

/** Whether `value` is a real `YYYY-MM-DD` date (no 31 April). */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

/** The local calendar day of `now` (the clinician's day), `YYYY-MM-DD`. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A row left completely empty is not an item: it is dropped, not reported. */
function isBlankItem(item: ItemDraft): boolean {
  return item.text.trim() === '' && item.category === '';
}

function isBlankAction(action: ActionDraft): boolean {
  return action.what.trim() === '' && action.who === '' && action.byWhen === '';
}

function itemsOf(
  section: ItemSection,
  drafts: readonly ItemDraft[],
  problems: DraftProblem[],
): CdmItem[] {
  const items: CdmItem[] = [];
  drafts.forEach((draft, index) => {
    if (isBlankItem(draft)) return;
    const text = draft.text.trim();
    const where = { section, number: index + 1 };
    if (text === '')
      problems.push({ field: `${section}.${index}.text`, code: 'text_required', ...where });
    else if (text.length > MAX_TEXT) {
      problems.push({ field: `${section}.${index}.text`, code: 'text_too_long', ...where });
    }
    if (draft.category === '') {
      problems.push({ field: `${section}.${index}.category`, code: 'category_required', ...where });
    }
    if (text !== '' && text.length <= MAX_TEXT && draft.category !== '') {
      items.push({ id: draft.id, category: draft.category, text });
    }
  });
  return items;
}

function heldOnProblem(heldOn: string, problems: DraftProblem[]): void {
  if (!isCalendarDate(heldOn)) problems.push({ field: 'heldOn', code: 'held_on_required' });
}

/** Step 1's body, or what to fix. */
export function patientStepBody(draft: PatientStepDraft): DraftResult<'patient_clinician'> {
  const problems: DraftProblem[] = [];
  heldOnProblem(draft.heldOn, problems);
  const obstacles = itemsOf('obstacles', draft.obstacles, problems);
  const resources = itemsOf('resources', draft.resources, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, body: { heldOn: draft.heldOn, obstacles, resources } };
}

/** Step 2's body, or what to fix. */
export function employerStepBody(draft: EmployerStepDraft): DraftResult<'clinician_employer'> {
  const problems: DraftProblem[] = [];
  heldOnProblem(draft.heldOn, problems);
  const employerView = itemsOf('employerView', draft.employerView, problems);
  const possibleAdjustments = itemsOf('possibleAdjustments', draft.possibleAdjustments, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, body: { heldOn: draft.heldOn, employerView, possibleAdjustments } };
}

/** Step 3's body, or what to fix. */
export function jointStepBody(draft: JointStepDraft): DraftResult<'joint'> {
  const problems: DraftProblem[] = [];
  heldOnProblem(draft.heldOn, problems);
  const actionPlan: CdmActionItem[] = [];
  draft.actionPlan.forEach((action, index) => {
    if (isBlankAction(action)) return;
    const what = action.what.trim();
    const number = index + 1;
    if (what === '')
      problems.push({ field: `actionPlan.${index}.what`, code: 'what_required', number });
    else if (what.length > MAX_TEXT) {
      problems.push({ field: `actionPlan.${index}.what`, code: 'text_too_long', number });
    }
    if (action.who === '')
      problems.push({ field: `actionPlan.${index}.who`, code: 'who_required', number });
    const dated = isCalendarDate(action.byWhen);
    if (!dated)
      problems.push({ field: `actionPlan.${index}.byWhen`, code: 'by_when_required', number });
    if (what !== '' && what.length <= MAX_TEXT && action.who !== '' && dated) {
      actionPlan.push({ id: action.id, what, who: action.who, byWhen: action.byWhen });
    }
  });
  if (actionPlan.length === 0 && !problems.some((p) => p.field.startsWith('actionPlan.'))) {
    problems.push({ field: 'actionPlan', code: 'action_required' });
  }
  if (!isCalendarDate(draft.reviewOn))
    problems.push({ field: 'reviewOn', code: 'review_on_required' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, body: { heldOn: draft.heldOn, actionPlan, reviewOn: draft.reviewOn } };
}

/**
 * What core would refuse if this body were recorded now (step order, dates, the review after
 * the meeting, actions due before it), with paths relative to the step (`reviewOn`,
 * `actionPlan.0.byWhen`). The server checks again; this only saves a round trip.
 */
export function stepIssues<S extends CdmStep>(
  record: CdmRecord,
  step: S,
  body: StepBodies[S],
): CdmIssue[] {
  const result = recordCdmStep(record, step, body);
  if (result.ok) return [];
  const field = STEP_FIELD[step];
  return result.issues.map((issue) => ({
    ...issue,
    path: issue.path[0] === field ? issue.path.slice(1) : issue.path,
  }));
}

/** An empty item row with a fresh id. */
export function emptyItem(id: string, category: CdmItemCategory | '' = ''): ItemDraft {
  return { id, text: '', category };
}

export function emptyAction(id: string): ActionDraft {
  return { id, what: '', who: '', byWhen: '' };
}

/**
 * The draft of a step: the recorded content when correcting it, else a fresh form dated
 * `today` with one empty row per list. `newId` makes item ids (the browser passes
 * `crypto.randomUUID`).
 */
export function draftFor<S extends CdmStep>(
  record: CdmRecord,
  step: S,
  today: string,
  newId: () => string,
): StepDrafts[S] {
  const drafts: { [K in CdmStep]: () => StepDrafts[K] } = {
    patient_clinician: () =>
      record.patientClinician === null
        ? { heldOn: today, obstacles: [emptyItem(newId())], resources: [emptyItem(newId())] }
        : {
            heldOn: record.patientClinician.heldOn,
            obstacles: record.patientClinician.obstacles.map((item) => ({ ...item })),
            resources: record.patientClinician.resources.map((item) => ({ ...item })),
          },
    clinician_employer: () =>
      record.clinicianEmployer === null
        ? {
            heldOn: today,
            employerView: [emptyItem(newId())],
            possibleAdjustments: [emptyItem(newId(), 'adjustment')],
          }
        : {
            heldOn: record.clinicianEmployer.heldOn,
            employerView: record.clinicianEmployer.employerView.map((item) => ({ ...item })),
            possibleAdjustments: record.clinicianEmployer.possibleAdjustments.map((item) => ({
              ...item,
            })),
          },
    joint: () =>
      record.joint === null
        ? { heldOn: today, actionPlan: [emptyAction(newId())], reviewOn: '' }
        : {
            heldOn: record.joint.heldOn,
            actionPlan: record.joint.actionPlan.map((action) => ({ ...action })),
            reviewOn: record.joint.reviewOn,
          },
  };
  return drafts[step]();
}

/**
 * Whole days from 1 to `max`, as the contract allows (90 for an employer's link, 30 for the
 * patient's); null otherwise.
 */
export function parseLinkDays(value: string, max = 90): number | null {
  if (!/^\d{1,2}$/.test(value.trim())) return null;
  const days = Number(value.trim());
  return days >= 1 && days <= max ? days : null;
}

/** Whether a step is held, next, or not yet open. */
export function stepState(meeting: Meeting, step: CdmStep): 'recorded' | 'next' | 'locked' {
  if (meeting.record[STEP_FIELD[step]] !== null) return 'recorded';
  return meeting.nextStep === step ? 'next' : 'locked';
}

// ---------------------------------------------------------------------------------------------
// The patient's approval

export type ApprovalSection = ItemSection | 'actionPlan';

/** One item the patient decides on (health items are listed, never shareable). */
export interface ApprovalItem {
  readonly id: string;
  readonly section: ApprovalSection;
  readonly text: string;
  readonly health: boolean;
}

/** Every item of the recorded steps, in the order of the meeting. */
export function approvalItems(record: CdmRecord): ApprovalItem[] {
  const items: ApprovalItem[] = [];
  const add = (section: ItemSection, list: readonly CdmItem[]) => {
    for (const item of list) {
      items.push({ id: item.id, section, text: item.text, health: item.category === 'health' });
    }
  };
  if (record.patientClinician !== null) {
    add('obstacles', record.patientClinician.obstacles);
    add('resources', record.patientClinician.resources);
  }
  if (record.clinicianEmployer !== null) {
    add('employerView', record.clinicianEmployer.employerView);
    add('possibleAdjustments', record.clinicianEmployer.possibleAdjustments);
  }
  for (const action of record.joint?.actionPlan ?? []) {
    items.push({ id: action.id, section: 'actionPlan', text: action.what, health: false });
  }
  return items;
}

type SharingDecision = Meeting['sharing']['decisions'][number];

/** The decision in force for an item (the latest; on a tie the later entry), or null. */
export function latestDecision(
  sharing: Meeting['sharing'],
  itemId: string,
): SharingDecision | null {
  let latest: SharingDecision | null = null;
  for (const decision of sharing.decisions) {
    if (decision.itemId !== itemId) continue;
    if (latest === null || Date.parse(decision.at) >= Date.parse(latest.at)) latest = decision;
  }
  return latest;
}

/**
 * The ticks to start the approval from: the recorded decisions (a withdrawn consent does not
 * erase them, it overrides them; the screen says so), health items never ticked.
 */
export function initialChoices(
  items: readonly ApprovalItem[],
  sharing: Meeting['sharing'],
): Record<string, boolean> {
  const choices: Record<string, boolean> = {};
  for (const item of items) {
    choices[item.id] = !item.health && (latestDecision(sharing, item.id)?.share ?? false);
  }
  return choices;
}

/**
 * The ticks shown: the recorded decisions, overridden by the ticks changed here and not yet
 * recorded (`edits`). Items nobody touched here follow the record, so decisions the patient made
 * on their own link show up when the meeting is fetched again; health items are never ticked.
 */
export function effectiveChoices(
  items: readonly ApprovalItem[],
  sharing: Meeting['sharing'],
  edits: Readonly<Record<string, boolean>>,
): Record<string, boolean> {
  const choices = initialChoices(items, sharing);
  for (const item of items) {
    const edited = edits[item.id];
    if (!item.health && edited !== undefined) choices[item.id] = edited;
  }
  return choices;
}

/** Who made a decision: the patient on their own link, or a named member of staff. */
export function decisionSource(
  decision: SharingDecision,
): { readonly via: 'patient' } | { readonly via: 'staff'; readonly name: string | null } {
  return decision.via === 'patient'
    ? { via: 'patient' }
    : { via: 'staff', name: decision.recordedByName };
}

/** Whether the ticks differ from the recorded decisions (an undecided item counts as kept back). */
export function choicesChanged(
  items: readonly ApprovalItem[],
  choices: Readonly<Record<string, boolean>>,
  sharing: Meeting['sharing'],
): boolean {
  const recorded = initialChoices(items, sharing);
  return items.some((item) => (choices[item.id] ?? false) !== (recorded[item.id] ?? false));
}

/** The request recording a decision for every shareable item shown (health items have none). */
export function sharingRequest(
  items: readonly ApprovalItem[],
  choices: Readonly<Record<string, boolean>>,
): RecordSharingRequest | null {
  const decisions = items
    .filter((item) => !item.health)
    .map((item) => ({ itemId: item.id, share: choices[item.id] ?? false }));
  return decisions.length === 0 ? null : { decisions };
}

/**
 * The consent the ticks would make, for the live preview before they are recorded: one decision
 * per shareable item, nothing else (the timestamp only orders decisions, and these are alone).
 */
export function draftConsent(
  items: readonly ApprovalItem[],
  choices: Readonly<Record<string, boolean>>,
): CdmSharingConsent {
  return {
    decisions: items
      .filter((item) => !item.health)
      .map((item) => ({ itemId: item.id, share: choices[item.id] ?? false, at: DRAFT_AT })),
    revokedAt: null,
  };
}

const DRAFT_AT = '1970-01-01T00:00:00Z';

export { employerDeadlines, hasSharedDetails } from './employer-view-model';
