import type {
  CdmActionItem,
  CdmActor,
  EmployerView,
  PatientSharingPage,
  SharingItem,
} from '@workup/contracts';
import { SHARING_SECTIONS } from '@workup/contracts';

/**
 * The pure logic of the patient's approval page (`/a#<token>`): the ticks, what to send, and
 * the live preview of the employer's view, computed from the page's own items (no core, no
 * staff code: this is a small chunk a patient downloads on a phone).
 */

export type SharingSection = SharingItem['section'];
export type Ticks = Readonly<Record<string, boolean>>;

/** The decisions in force as ticks: a shareable item shared; anything else not ticked. */
export function savedTicks(items: readonly SharingItem[]): Record<string, boolean> {
  return Object.fromEntries(items.map((item) => [item.id, item.shareable && item.share === true]));
}

/**
 * The ticks shown: the saved ones, overridden by what the patient changed and has not saved yet
 * (`edits`). A health item is never ticked, whatever the edits say.
 */
export function ticksFor(items: readonly SharingItem[], edits: Ticks): Record<string, boolean> {
  const ticks = savedTicks(items);
  for (const item of items) {
    const edited = edits[item.id];
    if (item.shareable && edited !== undefined) ticks[item.id] = edited;
  }
  return ticks;
}

/** Whether the ticks differ from the decisions in force (an undecided item counts as not shared). */
export function hasUnsavedChanges(items: readonly SharingItem[], ticks: Ticks): boolean {
  const saved = savedTicks(items);
  return items.some(
    (item) => item.shareable && (ticks[item.id] ?? false) !== (saved[item.id] ?? false),
  );
}

/** What "Save my choices" sends: a decision for every shareable item, none for health items. */
export function decisionsFor(
  items: readonly SharingItem[],
  ticks: Ticks,
): { itemId: string; share: boolean }[] {
  return items
    .filter((item) => item.shareable)
    .map((item) => ({ itemId: item.id, share: ticks[item.id] ?? false }));
}

/** Whether there is anything to withdraw: a decision in force (shared or not). */
export function hasDecisions(items: readonly SharingItem[]): boolean {
  return items.some((item) => item.shareable && item.share !== null);
}

/** The items of each section, in the meeting's order; sections without items are left out. */
export function itemsBySection(
  items: readonly SharingItem[],
): { section: SharingSection; items: SharingItem[] }[] {
  return SHARING_SECTIONS.map((section) => ({
    section,
    items: items.filter((item) => item.section === section),
  })).filter((group) => group.items.length > 0);
}

/** Who carries out an action (the contract's actor); `other` for an item that names none. */
function actorOf(who: CdmActor | null): CdmActor {
  return who ?? 'other';
}

/**
 * What the employer would see with these ticks, before they are saved: the server's view for
 * its dates, with exactly the ticked shareable items of each section in the meeting's order.
 * When the ticks are the saved ones and nothing is withdrawn, this is the server's view.
 */
export function localView(page: PatientSharingPage, ticks: Ticks): EmployerView {
  const shown = page.items.filter((item) => item.shareable && ticks[item.id] === true);
  const texts = (section: SharingSection) =>
    shown
      .filter((item) => item.section === section)
      .map((item) => ({ id: item.id, text: item.text }));
  const actionPlan: CdmActionItem[] = shown
    .filter((item) => item.section === 'actionPlan')
    .flatMap((item) =>
      // An action always has a date (the contract's action schema); one without is not shown.
      item.byWhen === null
        ? []
        : [{ id: item.id, what: item.text, who: actorOf(item.who), byWhen: item.byWhen }],
    );
  return {
    meetingId: page.preview.view.meetingId,
    employerMeetingOn: page.preview.view.employerMeetingOn,
    jointMeetingOn: page.preview.view.jointMeetingOn,
    obstacles: texts('obstacles'),
    resources: texts('resources'),
    employerView: texts('employerView'),
    possibleAdjustments: texts('possibleAdjustments'),
    actionPlan,
    reviewOn: page.preview.view.reviewOn,
  };
}

/** The actor of an action-plan item, for its label. */
export function actionActor(item: SharingItem): CdmActor {
  return actorOf(item.who);
}
