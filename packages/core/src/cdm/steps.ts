import type {
  CdmEmployerStep,
  CdmIssue,
  CdmJointStep,
  CdmPatientStep,
  CdmRecord,
  CdmStep,
} from '@workup/contracts';

/**
 * The Convergence Dialogue Meeting's three steps (reference.md §18, step detail [U]; used in
 * WorkUp, §21): 1 patient and clinician list obstacles and resources for work; 2 clinician and
 * employer hear the employer's view and possible adjustments; 3 the joint meeting converges on a
 * written action plan (what, who, by when) with a review date. The steps come in that order, on
 * the same day or later, and the plan is not empty.
 */

export const CDM_SOURCE = 'reference.md §18 (CDM) [V2 for the three steps; step detail U]';

interface StepData {
  patient_clinician: CdmPatientStep;
  clinician_employer: CdmEmployerStep;
  joint: CdmJointStep;
}

/** The next step to hold, or `complete` once the joint meeting is recorded. */
export function cdmNextStep(record: CdmRecord): CdmStep | 'complete' {
  if (record.patientClinician === null) return 'patient_clinician';
  if (record.clinicianEmployer === null) return 'clinician_employer';
  if (record.joint === null) return 'joint';
  return 'complete';
}

/** Every item id in the record, with where it is (consent is given by id, so ids must be unique). */
export function cdmItemIds(record: CdmRecord): { id: string; path: (string | number)[] }[] {
  const ids: { id: string; path: (string | number)[] }[] = [];
  const add = (items: readonly { id: string }[], path: string[]) => {
    items.forEach((item, index) => ids.push({ id: item.id, path: [...path, index] }));
  };
  if (record.patientClinician !== null) {
    add(record.patientClinician.obstacles, ['patientClinician', 'obstacles']);
    add(record.patientClinician.resources, ['patientClinician', 'resources']);
  }
  if (record.clinicianEmployer !== null) {
    add(record.clinicianEmployer.employerView, ['clinicianEmployer', 'employerView']);
    add(record.clinicianEmployer.possibleAdjustments, ['clinicianEmployer', 'possibleAdjustments']);
  }
  if (record.joint !== null) add(record.joint.actionPlan, ['joint', 'actionPlan']);
  add(record.clinical, ['clinical']);
  return ids;
}

/** Everything wrong with a meeting record under the step rules; empty when it is sound. */
export function checkCdm(record: CdmRecord): CdmIssue[] {
  const issues: CdmIssue[] = [];
  const { patientClinician: one, clinicianEmployer: two, joint: three } = record;
  if (two !== null && one === null) {
    issues.push({
      code: 'step_out_of_order',
      path: ['clinicianEmployer'],
      message: 'The meeting with the employer comes after the meeting with the patient.',
    });
  }
  if (three !== null && two === null) {
    issues.push({
      code: 'step_out_of_order',
      path: ['joint'],
      message: 'The joint meeting comes after the meeting with the employer.',
    });
  }
  if (one !== null && two !== null && two.heldOn < one.heldOn) {
    issues.push({
      code: 'date_before_previous_step',
      path: ['clinicianEmployer', 'heldOn'],
      message: `The meeting with the employer (${two.heldOn}) is before the meeting with the patient (${one.heldOn}).`,
    });
  }
  if (two !== null && three !== null && three.heldOn < two.heldOn) {
    issues.push({
      code: 'date_before_previous_step',
      path: ['joint', 'heldOn'],
      message: `The joint meeting (${three.heldOn}) is before the meeting with the employer (${two.heldOn}).`,
    });
  }
  if (three !== null) {
    if (three.actionPlan.length === 0) {
      issues.push({
        code: 'empty_action_plan',
        path: ['joint', 'actionPlan'],
        message: 'The joint meeting ends with a written action plan of at least one item.',
      });
    }
    if (three.reviewOn <= three.heldOn) {
      issues.push({
        code: 'review_not_after_meeting',
        path: ['joint', 'reviewOn'],
        message: `The review (${three.reviewOn}) must come after the joint meeting (${three.heldOn}).`,
      });
    }
    three.actionPlan.forEach((item, index) => {
      if (item.byWhen < three.heldOn) {
        issues.push({
          code: 'due_before_meeting',
          path: ['joint', 'actionPlan', index, 'byWhen'],
          message: `"${item.what}" is due on ${item.byWhen}, before the joint meeting (${three.heldOn}).`,
        });
      }
    });
  }
  const seen = new Set<string>();
  for (const { id, path } of cdmItemIds(record)) {
    if (seen.has(id)) {
      issues.push({
        code: 'duplicate_item_id',
        path: [...path, 'id'],
        message: `The item id "${id}" is used more than once.`,
      });
    }
    seen.add(id);
  }
  return issues;
}

export type RecordStepResult =
  | { readonly ok: true; readonly record: CdmRecord }
  | { readonly ok: false; readonly issues: CdmIssue[] };

const FIELD: Readonly<Record<CdmStep, 'patientClinician' | 'clinicianEmployer' | 'joint'>> = {
  patient_clinician: 'patientClinician',
  clinician_employer: 'clinicianEmployer',
  joint: 'joint',
};

/**
 * Record (or correct) one step: only the next step or one already held may be written, and the
 * result must pass `checkCdm`. The record given is not changed.
 */
export function recordCdmStep<S extends CdmStep>(
  record: CdmRecord,
  step: S,
  data: StepData[S],
): RecordStepResult {
  const next = cdmNextStep(record);
  const order = ['patient_clinician', 'clinician_employer', 'joint', 'complete'];
  if (order.indexOf(step) > order.indexOf(next)) {
    return {
      ok: false,
      issues: [
        {
          code: 'step_out_of_order',
          path: [FIELD[step]],
          message: `The next step is ${next.replaceAll('_', ' ')}, not ${step.replaceAll('_', ' ')}.`,
        },
      ],
    };
  }
  const updated: CdmRecord = { ...record, [FIELD[step]]: data };
  const issues = checkCdm(updated);
  return issues.length === 0 ? { ok: true, record: updated } : { ok: false, issues };
}
