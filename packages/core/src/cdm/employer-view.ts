import type {
  CdmItem,
  CdmRecord,
  CdmSharingConsent,
  EmployerView,
  EmployerViewPreview,
  WithheldReason,
} from '@workup/contracts';

/**
 * What the employer may see of a Convergence Dialogue Meeting (issue 7: "employers must get what
 * they need to help, and no health data"). The employer sees the dates of the meetings they take
 * part in and the review date, and otherwise only the items the patient has agreed to share, one
 * by one. Items about health (category `health`) and the clinical context (diagnoses, scores,
 * flags, notes) are never shown, even when a consent names them by mistake. The view is built
 * field by field from an allow-list, so nothing else in the record can reach it.
 */

/** The fields an employer view may have; anything else is a bug (checked by a property test). */
export const EMPLOYER_VIEW_FIELDS = [
  'meetingId',
  'employerMeetingOn',
  'jointMeetingOn',
  'obstacles',
  'resources',
  'employerView',
  'possibleAdjustments',
  'actionPlan',
  'reviewOn',
] as const;

/** Item ids the patient currently agrees to share: the latest decision per item wins. */
export function sharedItemIds(consent: CdmSharingConsent): ReadonlySet<string> {
  if (consent.revokedAt !== null) return new Set();
  const latest = new Map<string, { at: number; share: boolean }>();
  for (const decision of consent.decisions) {
    const at = Date.parse(decision.at);
    const previous = latest.get(decision.itemId);
    // On a tie the later decision in the list wins.
    if (previous === undefined || at >= previous.at) {
      latest.set(decision.itemId, { at, share: decision.share });
    }
  }
  return new Set([...latest].filter(([, d]) => d.share).map(([id]) => id));
}

type Section = 'obstacles' | 'resources' | 'employerView' | 'possibleAdjustments';

/** Why an item is withheld, or null when the employer may see it. */
function withheldReason(
  item: CdmItem,
  consent: CdmSharingConsent,
  shared: ReadonlySet<string>,
): WithheldReason | null {
  if (item.category === 'health') return 'health_information';
  if (consent.revokedAt !== null) return 'consent_revoked';
  return shared.has(item.id) ? null : 'not_shared';
}

/**
 * The preview for the patient's approval screen: exactly the employer's view, and each item kept
 * back with the reason.
 */
export function previewEmployerView(
  record: CdmRecord,
  consent: CdmSharingConsent,
): EmployerViewPreview {
  const shared = sharedItemIds(consent);
  const withheld: EmployerViewPreview['withheld'] = [];
  const pick = (items: readonly CdmItem[], section: Section) => {
    const visible: { id: string; text: string }[] = [];
    for (const item of items) {
      const reason = withheldReason(item, consent, shared);
      if (reason === null) visible.push({ id: item.id, text: item.text });
      else withheld.push({ itemId: item.id, section, reason });
    }
    return visible;
  };
  const one = record.patientClinician;
  const two = record.clinicianEmployer;
  const three = record.joint;
  const obstacles = one === null ? [] : pick(one.obstacles, 'obstacles');
  const resources = one === null ? [] : pick(one.resources, 'resources');
  const employerView = two === null ? [] : pick(two.employerView, 'employerView');
  const possibleAdjustments =
    two === null ? [] : pick(two.possibleAdjustments, 'possibleAdjustments');
  const actionPlan: EmployerView['actionPlan'] = [];
  for (const item of three?.actionPlan ?? []) {
    if (consent.revokedAt === null && shared.has(item.id)) {
      actionPlan.push({ id: item.id, what: item.what, who: item.who, byWhen: item.byWhen });
    } else {
      withheld.push({
        itemId: item.id,
        section: 'actionPlan',
        reason: consent.revokedAt === null ? 'not_shared' : 'consent_revoked',
      });
    }
  }
  for (const item of record.clinical) {
    withheld.push({ itemId: item.id, section: 'clinical', reason: 'clinical_information' });
  }
  return {
    view: {
      meetingId: record.meetingId,
      employerMeetingOn: two?.heldOn ?? null,
      jointMeetingOn: three?.heldOn ?? null,
      obstacles,
      resources,
      employerView,
      possibleAdjustments,
      actionPlan,
      reviewOn: three?.reviewOn ?? null,
    },
    withheld,
  };
}

/** Exactly what the employer may see of the meeting, given the patient's consent. */
export function employerView(record: CdmRecord, consent: CdmSharingConsent): EmployerView {
  return previewEmployerView(record, consent).view;
}
