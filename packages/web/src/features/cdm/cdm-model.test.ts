import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CDM_ITEM_CATEGORIES, EmployerViewSchema } from '@workup/contracts';
import type {
  CdmEmployerStep,
  CdmJointStep,
  CdmPatientStep,
  CdmRecord,
  CheckpointView,
  Meeting,
} from '@workup/contracts';
import { previewEmployerView } from '@workup/core';
import fc from 'fast-check';
import {
  addDays,
  approvalItems,
  choicesChanged,
  decisionSource,
  draftConsent,
  effectiveChoices,
  draftFor,
  employerDeadlines,
  employerStepBody,
  hasSharedDetails,
  initialChoices,
  isCalendarDate,
  jointStepBody,
  latestDecision,
  localDay,
  parseLinkDays,
  patientStepBody,
  sharingRequest,
  stepIssues,
  stepState,
} from './cdm-model';

const EMPTY: CdmRecord = {
  meetingId: '00000000-0000-4000-8000-000000000001',
  patientClinician: null,
  clinicianEmployer: null,
  joint: null,
  clinical: [],
};

/** The meeting of the browser journey: an obstacle, a resource, a health item; step 2; step 3. */
const STEP_ONE: CdmPatientStep = {
  heldOn: '2026-11-02',
  obstacles: [
    { id: 'o1', category: 'work_tasks', text: 'Lifting parcels above 15 kg' },
    { id: 'h1', category: 'health', text: 'Disc prolapse L5' },
  ],
  resources: [{ id: 'r1', category: 'support', text: 'A supportive team leader' }],
};
const STEP_TWO: CdmEmployerStep = {
  heldOn: '2026-11-09',
  employerView: [{ id: 'e1', category: 'work_demands', text: 'Peak season in December' }],
  possibleAdjustments: [{ id: 'a1', category: 'adjustment', text: 'Scanning desk for 4 weeks' }],
};
const STEP_THREE: CdmJointStep = {
  heldOn: '2026-11-16',
  actionPlan: [
    { id: 'p1', what: 'Start at the scanning desk', who: 'employer', byWhen: '2026-11-23' },
  ],
  reviewOn: '2026-12-14',
};
const RECORD: CdmRecord = {
  ...EMPTY,
  patientClinician: STEP_ONE,
  clinicianEmployer: STEP_TWO,
  joint: STEP_THREE,
  clinical: [{ id: 'c1', kind: 'score', text: 'ODI 42 %' }],
};

function meetingOf(
  record: CdmRecord,
  sharing: Meeting['sharing'] = { decisions: [], revokedAt: null, revokedVia: null },
): Meeting {
  return {
    id: record.meetingId,
    patientId: '00000000-0000-4000-8000-000000000002',
    employerName: 'Parcel depot',
    employeeName: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    createdBy: '00000000-0000-4000-8000-000000000003',
    record,
    nextStep:
      record.patientClinician === null
        ? 'patient_clinician'
        : record.clinicianEmployer === null
          ? 'clinician_employer'
          : record.joint === null
            ? 'joint'
            : 'complete',
    issues: [],
    sharing,
    links: [],
    patientLinks: [],
  };
}

describe('link days', () => {
  it("whole days from 1 to 90 for the employer's link, to 30 for the patient's", () => {
    assert.equal(parseLinkDays('30'), 30);
    assert.equal(parseLinkDays(' 90 '), 90);
    assert.equal(parseLinkDays('91'), null);
    assert.equal(parseLinkDays('0'), null);
    assert.equal(parseLinkDays('7', 30), 7);
    assert.equal(parseLinkDays('30', 30), 30);
    assert.equal(parseLinkDays('31', 30), null);
    assert.equal(parseLinkDays('1.5', 30), null);
    assert.equal(parseLinkDays('', 30), null);
    assert.equal(parseLinkDays('-3', 30), null);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2023-02-29'), false);
    assert.equal(isCalendarDate('2024-04-31'), false);
    assert.equal(isCalendarDate(''), false);
    assert.equal(isCalendarDate('2024-4-1'), false);
  });

  it('adds days across months and years', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  });

  it('takes the local day, not the UTC one', () => {
    assert.equal(localDay(new Date(2026, 0, 5, 23, 30)), '2026-01-05');
  });
});

describe('step drafts', () => {
  it('turns step 1 into its body, trimming text and dropping rows left empty', () => {
    const result = patientStepBody({
      heldOn: '2026-11-02',
      obstacles: [
        { id: 'o1', category: 'work_tasks', text: '  Lifting parcels  ' },
        { id: 'o2', category: '', text: '   ' },
      ],
      resources: [{ id: 'r1', category: 'support', text: 'Team leader' }],
    });
    assert.deepEqual(result, {
      ok: true,
      body: {
        heldOn: '2026-11-02',
        obstacles: [{ id: 'o1', category: 'work_tasks', text: 'Lifting parcels' }],
        resources: [{ id: 'r1', category: 'support', text: 'Team leader' }],
      },
    });
  });

  it('asks for a date, a text and a category, keyed like the server field errors', () => {
    const result = patientStepBody({
      heldOn: '',
      obstacles: [{ id: 'o1', category: 'work_tasks', text: '' }],
      resources: [{ id: 'r1', category: '', text: 'Team leader' }],
    });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((p) => [p.field, p.code, p.number]),
      [
        ['heldOn', 'held_on_required', undefined],
        ['obstacles.0.text', 'text_required', 1],
        ['resources.0.category', 'category_required', 1],
      ],
    );
  });

  it('refuses a text longer than the contract allows (1000 characters)', () => {
    const ok = employerStepBody({
      heldOn: '2026-11-09',
      employerView: [{ id: 'e1', category: 'other', text: 'x'.repeat(1000) }],
      possibleAdjustments: [],
    });
    assert.equal(ok.ok, true);
    const tooLong = employerStepBody({
      heldOn: '2026-11-09',
      employerView: [{ id: 'e1', category: 'other', text: 'x'.repeat(1001) }],
      possibleAdjustments: [],
    });
    assert.equal(tooLong.ok, false);
    assert.deepEqual(
      tooLong.problems.map((p) => p.field),
      ['employerView.0.text'],
    );
  });

  it('needs at least one complete action and a review date at the joint meeting', () => {
    const empty = jointStepBody({
      heldOn: '2026-11-16',
      actionPlan: [{ id: 'p1', what: '', who: '', byWhen: '' }],
      reviewOn: '',
    });
    assert.equal(empty.ok, false);
    assert.deepEqual(
      empty.problems.map((p) => p.code),
      ['action_required', 'review_on_required'],
    );
    const partial = jointStepBody({
      heldOn: '2026-11-16',
      actionPlan: [{ id: 'p1', what: 'Scanning desk', who: '', byWhen: '2026-11-23' }],
      reviewOn: '2026-12-14',
    });
    assert.equal(partial.ok, false);
    assert.deepEqual(
      partial.problems.map((p) => p.field),
      ['actionPlan.0.who'],
    );
  });

  it('reports what core would refuse, with paths inside the step', () => {
    const record: CdmRecord = { ...EMPTY, patientClinician: STEP_ONE, clinicianEmployer: STEP_TWO };
    const issues = stepIssues(record, 'joint', {
      heldOn: '2026-11-16',
      actionPlan: [{ id: 'p1', what: 'Scanning desk', who: 'employer', byWhen: '2026-11-15' }],
      reviewOn: '2026-11-16',
    });
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.path.join('.')]),
      [
        ['review_not_after_meeting', 'reviewOn'],
        ['due_before_meeting', 'actionPlan.0.byWhen'],
      ],
    );
    // The same day as the previous step is allowed; a day before it is not.
    const sameDay = {
      ...STEP_THREE,
      heldOn: '2026-11-09',
      actionPlan: [{ id: 'p1', what: 'x', who: 'patient' as const, byWhen: '2026-11-09' }],
    };
    assert.deepEqual(stepIssues(record, 'joint', sameDay), []);
    assert.deepEqual(
      stepIssues(record, 'joint', { ...sameDay, heldOn: '2026-11-08' }).map((i) => [
        i.code,
        i.path.join('.'),
      ]),
      [['date_before_previous_step', 'heldOn']],
    );
    assert.deepEqual(
      stepIssues(EMPTY, 'clinician_employer', STEP_TWO).map((i) => i.code),
      ['step_out_of_order'],
    );
  });

  it('starts a step from what is recorded, or from today with fresh ids', () => {
    let n = 0;
    const newId = () => `id-${String((n += 1))}`;
    assert.deepEqual(draftFor(EMPTY, 'patient_clinician', '2026-11-23', newId), {
      heldOn: '2026-11-23',
      obstacles: [{ id: 'id-1', text: '', category: '' }],
      resources: [{ id: 'id-2', text: '', category: '' }],
    });
    assert.deepEqual(
      draftFor(EMPTY, 'clinician_employer', '2026-11-23', newId).possibleAdjustments,
      [{ id: 'id-4', text: '', category: 'adjustment' }],
    );
    assert.deepEqual(draftFor(RECORD, 'joint', '2026-11-23', newId), RECORD.joint);
  });

  it('says which steps are recorded, next or not yet open', () => {
    const meeting = meetingOf({ ...RECORD, clinicianEmployer: null, joint: null });
    assert.equal(stepState(meeting, 'patient_clinician'), 'recorded');
    assert.equal(stepState(meeting, 'clinician_employer'), 'next');
    assert.equal(stepState(meeting, 'joint'), 'locked');
  });
});

describe('the patient approval', () => {
  it('lists every item of the steps, health items marked, action plan last', () => {
    assert.deepEqual(
      approvalItems(RECORD).map((item) => [item.id, item.section, item.health]),
      [
        ['o1', 'obstacles', false],
        ['h1', 'obstacles', true],
        ['r1', 'resources', false],
        ['e1', 'employerView', false],
        ['a1', 'possibleAdjustments', false],
        ['p1', 'actionPlan', false],
      ],
    );
  });

  it('starts from the latest recorded decisions and sends one for every shareable item', () => {
    const sharing: Meeting['sharing'] = {
      decisions: [
        {
          itemId: 'o1',
          share: true,
          at: '2026-11-10T10:00:00Z',
          via: 'staff',
          recordedBy: 'u',
          recordedByName: 'Eva Berg',
        },
        {
          itemId: 'r1',
          share: true,
          at: '2026-11-10T10:00:00Z',
          via: 'staff',
          recordedBy: 'u',
          recordedByName: 'Eva Berg',
        },
        {
          itemId: 'r1',
          share: false,
          at: '2026-11-11T10:00:00Z',
          via: 'staff',
          recordedBy: 'u',
          recordedByName: 'Eva Berg',
        },
        // A health item named by mistake is still never ticked.
        {
          itemId: 'h1',
          share: true,
          at: '2026-11-11T10:00:00Z',
          via: 'staff',
          recordedBy: 'u',
          recordedByName: 'Eva Berg',
        },
      ],
      revokedAt: null,
      revokedVia: null,
    };
    const items = approvalItems(RECORD);
    const choices = initialChoices(items, sharing);
    assert.deepEqual(choices, { o1: true, h1: false, r1: false, e1: false, a1: false, p1: false });
    assert.equal(latestDecision(sharing, 'r1')?.share, false);
    assert.equal(latestDecision(sharing, 'e1'), null);
    assert.equal(choicesChanged(items, choices, sharing), false);
    assert.equal(choicesChanged(items, { ...choices, a1: true }, sharing), true);
    assert.deepEqual(sharingRequest(items, { ...choices, a1: true }), {
      decisions: [
        { itemId: 'o1', share: true },
        { itemId: 'r1', share: false },
        { itemId: 'e1', share: false },
        { itemId: 'a1', share: true },
        { itemId: 'p1', share: false },
      ],
    });
    assert.equal(sharingRequest(approvalItems(EMPTY), {}), null);
  });

  it("keeps the ticks changed here and follows the record for the rest (the patient's own link)", () => {
    const items = approvalItems(RECORD);
    const before: Meeting['sharing'] = { decisions: [], revokedAt: null, revokedVia: null };
    // The clinician ticked the resource; meanwhile the patient shared the obstacle on their link.
    const edits = { r1: true };
    assert.deepEqual(effectiveChoices(items, before, edits), {
      o1: false,
      h1: false,
      r1: true,
      e1: false,
      a1: false,
      p1: false,
    });
    const after: Meeting['sharing'] = {
      decisions: [
        {
          itemId: 'o1',
          share: true,
          at: '2026-11-12T08:00:00Z',
          via: 'patient',
          recordedBy: null,
          recordedByName: null,
        },
      ],
      revokedAt: null,
      revokedVia: null,
    };
    const choices = effectiveChoices(items, after, edits);
    assert.equal(choices.o1, true, "the patient's decision shows");
    assert.equal(choices.r1, true, 'the tick made here stays');
    assert.equal(choicesChanged(items, choices, after), true);
    assert.equal(choicesChanged(items, effectiveChoices(items, after, {}), after), false);
    // A health item stays unticked whatever is edited.
    assert.equal(effectiveChoices(items, after, { h1: true }).h1, false);
  });

  it('names who made a decision: the patient on their link, or the member of staff', () => {
    const base = { itemId: 'o1', share: true, at: '2026-11-12T08:00:00Z' } as const;
    assert.deepEqual(
      decisionSource({ ...base, via: 'patient', recordedBy: null, recordedByName: null }),
      { via: 'patient' },
    );
    assert.deepEqual(
      decisionSource({ ...base, via: 'staff', recordedBy: 'u', recordedByName: 'Eva Berg' }),
      { via: 'staff', name: 'Eva Berg' },
    );
    assert.deepEqual(
      decisionSource({ ...base, via: 'staff', recordedBy: 'u', recordedByName: null }),
      { via: 'staff', name: null },
    );
  });

  it('previews exactly the ticked, non-health items (property over random ticks)', () => {
    const items = approvalItems(RECORD);
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: items.length, maxLength: items.length }),
        (ticks) => {
          const choices = Object.fromEntries(items.map((item, i) => [item.id, ticks[i] ?? false]));
          const { view, withheld } = previewEmployerView(RECORD, draftConsent(items, choices));
          EmployerViewSchema.parse(view);
          const shown = new Set([
            ...view.obstacles.map((i) => i.id),
            ...view.resources.map((i) => i.id),
            ...view.employerView.map((i) => i.id),
            ...view.possibleAdjustments.map((i) => i.id),
            ...view.actionPlan.map((i) => i.id),
          ]);
          for (const item of items) {
            assert.equal(shown.has(item.id), !item.health && choices[item.id] === true, item.id);
          }
          assert.equal(JSON.stringify(view).includes('Disc prolapse'), false);
          assert.equal(JSON.stringify(view).includes('ODI'), false);
          assert.equal(withheld.length, items.length + RECORD.clinical.length - shown.size);
          assert.equal(hasSharedDetails(view), shown.size > 0);
        },
      ),
    );
  });

  it('a withdrawn consent leaves the dates only', () => {
    const items = approvalItems(RECORD);
    const all = Object.fromEntries(items.map((item) => [item.id, true]));
    const { view } = previewEmployerView(RECORD, {
      ...draftConsent(items, all),
      revokedAt: '2026-11-20T10:00:00Z',
    });
    assert.equal(hasSharedDetails(view), false);
    assert.deepEqual(
      [view.employerMeetingOn, view.jointMeetingOn, view.reviewOn],
      ['2026-11-09', '2026-11-16', '2026-12-14'],
    );
  });
});

describe('employer deadlines', () => {
  const checkpoint = (
    code: string,
    due: string,
    over: Partial<CheckpointView> = {},
  ): CheckpointView => ({
    code,
    description: code,
    preset: 'se',
    due,
    dayOfAbsence: 1,
    audience: ['employer'],
    condition: null,
    applies: null,
    status: 'upcoming',
    daysUntil: 1,
    source: 'reference.md §23',
    tag: 'V2',
    ...over,
  });

  it('keeps the employer ones still ahead, soonest first', () => {
    const deadlines = employerDeadlines([
      checkpoint('se_rtw_plan_due', '2026-12-01'),
      checkpoint('se_employer_report_due', '2026-11-25', { status: 'due_today' }),
      checkpoint('se_certificate_required', '2026-11-20', { audience: ['employee', 'clinician'] }),
      checkpoint('se_sickness_benefit_starts', '2026-11-10', { status: 'passed' }),
      checkpoint('no_rule', '2026-11-30', { applies: false, status: 'upcoming' }),
    ]);
    assert.deepEqual(
      deadlines.map((c) => c.code),
      ['se_employer_report_due', 'se_rtw_plan_due'],
    );
  });

  it('every category the contract has gets a label in the messages', async () => {
    const { cdmEn, cdmSv } = await import('./messages');
    for (const category of CDM_ITEM_CATEGORIES) {
      assert.ok(cdmEn.categories[category].length > 0);
      assert.ok(cdmSv.categories[category].length > 0);
    }
  });
});
