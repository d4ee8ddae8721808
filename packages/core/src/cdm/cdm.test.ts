import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CDM_ACTORS,
  CDM_ITEM_CATEGORIES,
  CdmRecordSchema,
  EmployerViewPreviewSchema,
  EmployerViewSchema,
  type CdmItem,
  type CdmRecord,
  type CdmSharingConsent,
} from '@workup/contracts';
import {
  EMPLOYER_VIEW_FIELDS,
  employerView,
  previewEmployerView,
  sharedItemIds,
} from './employer-view';
import { cdmNextStep, checkCdm, recordCdmStep } from './steps';

const MEETING = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';

const EMPTY: CdmRecord = {
  meetingId: MEETING,
  patientClinician: null,
  clinicianEmployer: null,
  joint: null,
  clinical: [],
};

/** A meeting in the WorkUp manner (reference.md §18, §21): three steps and a plan. */
const MEETING_RECORD: CdmRecord = {
  meetingId: MEETING,
  patientClinician: {
    heldOn: '2024-04-02',
    obstacles: [
      { id: 'o1', category: 'work_tasks', text: 'Lifting boxes over 15 kg at the warehouse' },
      { id: 'o2', category: 'health', text: 'Pain radiates to the left leg after an hour' },
      { id: 'o3', category: 'workplace_relations', text: 'Worried what colleagues think' },
    ],
    resources: [{ id: 'r1', category: 'support', text: 'Good relationship with the team leader' }],
  },
  clinicianEmployer: {
    heldOn: '2024-04-05',
    employerView: [{ id: 'e1', category: 'work_demands', text: 'Peak season starts in May' }],
    possibleAdjustments: [
      { id: 'a1', category: 'adjustment', text: 'Lifting aid on the packing line' },
      { id: 'a2', category: 'working_hours', text: 'Half days for three weeks' },
    ],
  },
  joint: {
    heldOn: '2024-04-10',
    actionPlan: [
      { id: 'p1', what: 'Install a lifting aid', who: 'employer', byWhen: '2024-04-20' },
      {
        id: 'p2',
        what: 'Walk daily, build up to 30 minutes',
        who: 'patient',
        byWhen: '2024-05-01',
      },
    ],
    reviewOn: '2024-05-08',
  },
  clinical: [
    { id: 'c1', kind: 'diagnosis', text: 'M54.5 low back pain' },
    { id: 'c2', kind: 'score', text: 'STarT Back high risk (total 7)' },
    { id: 'c3', kind: 'flag', text: 'yellow: fear avoidance' },
  ],
};

function present<T>(value: T | null): T {
  if (value === null) throw new Error('test fixture is missing a step');
  return value;
}
const STEP1 = present(MEETING_RECORD.patientClinician);
const STEP2 = present(MEETING_RECORD.clinicianEmployer);
const STEP3 = present(MEETING_RECORD.joint);

const at = (day: number) => `2024-04-${String(day).padStart(2, '0')}T12:00:00Z`;
const consentTo = (ids: string[], day = 11): CdmSharingConsent => ({
  decisions: ids.map((itemId) => ({ itemId, share: true, at: at(day) })),
  revokedAt: null,
});

describe('CDM steps (reference.md §18)', () => {
  it('steps come in order: patient, employer, joint, then complete', () => {
    assert.equal(cdmNextStep(EMPTY), 'patient_clinician');
    const one = recordCdmStep(EMPTY, 'patient_clinician', STEP1);
    assert.ok(one.ok);
    assert.equal(cdmNextStep(one.record), 'clinician_employer');
    const two = recordCdmStep(one.record, 'clinician_employer', STEP2);
    assert.ok(two.ok);
    const three = recordCdmStep(two.record, 'joint', STEP3);
    assert.ok(three.ok);
    assert.equal(cdmNextStep(three.record), 'complete');
    assert.deepEqual(checkCdm(MEETING_RECORD), []);
    assert.equal(EMPTY.patientClinician, null, 'input not mutated');
    CdmRecordSchema.parse(MEETING_RECORD);
  });

  it('a step cannot be skipped; a step already held may be corrected', () => {
    const skipped = recordCdmStep(EMPTY, 'joint', STEP3);
    assert.ok(!skipped.ok);
    const [issue] = skipped.issues;
    assert.ok(issue);
    assert.equal(issue.code, 'step_out_of_order');
    assert.match(issue.message, /next step is patient clinician/);
    const corrected = recordCdmStep(MEETING_RECORD, 'patient_clinician', {
      ...STEP1,
      resources: [],
    });
    assert.ok(corrected.ok);
  });

  it('dates, the plan and the review are checked', () => {
    const codes = (record: CdmRecord) => checkCdm(record).map((i) => i.code);
    assert.deepEqual(codes({ ...MEETING_RECORD, patientClinician: null }), ['step_out_of_order']);
    assert.deepEqual(
      codes({
        ...MEETING_RECORD,
        clinicianEmployer: { ...STEP2, heldOn: '2024-04-01' },
      }),
      ['date_before_previous_step'],
    );
    const joint = STEP3;
    assert.deepEqual(codes({ ...MEETING_RECORD, joint: { ...joint, heldOn: '2024-04-04' } }), [
      'date_before_previous_step',
    ]);
    assert.deepEqual(codes({ ...MEETING_RECORD, joint: { ...joint, actionPlan: [] } }), [
      'empty_action_plan',
    ]);
    assert.deepEqual(codes({ ...MEETING_RECORD, joint: { ...joint, reviewOn: '2024-04-10' } }), [
      'review_not_after_meeting',
    ]);
    const late = {
      ...joint,
      actionPlan: [{ id: 'p9', what: 'x', who: 'employer' as const, byWhen: '2024-04-09' }],
    };
    const issues = checkCdm({ ...MEETING_RECORD, joint: late });
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [['due_before_meeting', ['joint', 'actionPlan', 0, 'byWhen']]],
    );
    // All three steps on one day are allowed.
    const sameDay: CdmRecord = {
      ...MEETING_RECORD,
      clinicianEmployer: { ...STEP2, heldOn: '2024-04-02' },
      joint: { ...joint, heldOn: '2024-04-02' },
    };
    assert.deepEqual(codes(sameDay), []);
    assert.deepEqual(
      codes({ ...MEETING_RECORD, clinical: [{ id: 'o1', kind: 'note', text: 'x' }] }),
      ['duplicate_item_id'],
    );
  });
});

describe('CDM schemas', () => {
  it('refuse unknown categories, impossible dates and fields outside the employer view', () => {
    assert.ok(CdmRecordSchema.safeParse(MEETING_RECORD).success);
    const badCategory = {
      ...MEETING_RECORD,
      patientClinician: { ...STEP1, obstacles: [{ id: 'x', category: 'diagnosis', text: 't' }] },
    };
    assert.ok(!CdmRecordSchema.safeParse(badCategory).success);
    const badDate = { ...MEETING_RECORD, joint: { ...STEP3, reviewOn: '2024-02-30' } };
    assert.ok(!CdmRecordSchema.safeParse(badDate).success);
    const view = employerView(MEETING_RECORD, consentTo(['o1']));
    assert.ok(!EmployerViewSchema.safeParse({ ...view, clinical: [] }).success);
    assert.ok(
      !EmployerViewSchema.safeParse({
        ...view,
        obstacles: [{ id: 'o1', text: 't', category: 'health' }],
      }).success,
    );
  });
});

describe('employer view', () => {
  it('hand-worked: shares exactly the consented work items, never health or clinical ones', () => {
    // The patient shares o1, o2 (health, by mistake), r1, a1, p1 and the diagnosis c1 (by mistake).
    const consent = consentTo(['o1', 'o2', 'r1', 'a1', 'p1', 'c1', 'c2']);
    const view = employerView(MEETING_RECORD, consent);
    assert.deepEqual(view, {
      meetingId: MEETING,
      employerMeetingOn: '2024-04-05',
      jointMeetingOn: '2024-04-10',
      obstacles: [{ id: 'o1', text: 'Lifting boxes over 15 kg at the warehouse' }],
      resources: [{ id: 'r1', text: 'Good relationship with the team leader' }],
      employerView: [],
      possibleAdjustments: [{ id: 'a1', text: 'Lifting aid on the packing line' }],
      actionPlan: [
        { id: 'p1', what: 'Install a lifting aid', who: 'employer', byWhen: '2024-04-20' },
      ],
      reviewOn: '2024-05-08',
    });
    const json = JSON.stringify(view);
    for (const secret of ['M54', 'STarT', 'yellow', 'radiates', 'category', 'clinical']) {
      assert.ok(!json.includes(secret), `${secret} must not reach the employer`);
    }
    EmployerViewSchema.parse(view);
  });

  it('the preview shows the view and why each other item is withheld', () => {
    const preview = previewEmployerView(MEETING_RECORD, consentTo(['o1', 'o2', 'p1']));
    EmployerViewPreviewSchema.parse(preview);
    assert.deepEqual(
      preview.withheld.map((w) => [w.itemId, w.reason]),
      [
        ['o2', 'health_information'],
        ['o3', 'not_shared'],
        ['r1', 'not_shared'],
        ['e1', 'not_shared'],
        ['a1', 'not_shared'],
        ['a2', 'not_shared'],
        ['p2', 'not_shared'],
        ['c1', 'clinical_information'],
        ['c2', 'clinical_information'],
        ['c3', 'clinical_information'],
      ],
    );
    assert.deepEqual(preview.view, employerView(MEETING_RECORD, consentTo(['o1', 'o2', 'p1'])));
  });

  it('item-by-item revocation removes the item; revoking the consent leaves the dates only', () => {
    const consent = consentTo(['o1', 'p1']);
    const revokedOne: CdmSharingConsent = {
      ...consent,
      decisions: [...consent.decisions, { itemId: 'o1', share: false, at: at(12) }],
    };
    assert.deepEqual(employerView(MEETING_RECORD, revokedOne).obstacles, []);
    assert.equal(employerView(MEETING_RECORD, revokedOne).actionPlan.length, 1);
    // An earlier decision listed later does not undo a later one; a tie goes to the later entry.
    const stale: CdmSharingConsent = {
      ...consent,
      decisions: [
        { itemId: 'o1', share: false, at: at(12) },
        { itemId: 'o1', share: true, at: at(11) },
      ],
    };
    assert.deepEqual([...sharedItemIds(stale)], []);
    const tie: CdmSharingConsent = {
      ...consent,
      decisions: [
        { itemId: 'o1', share: false, at: at(12) },
        { itemId: 'o1', share: true, at: at(12) },
      ],
    };
    assert.deepEqual([...sharedItemIds(tie)], ['o1']);
    const all = employerView(MEETING_RECORD, { ...consent, revokedAt: at(13) });
    assert.deepEqual(all, {
      meetingId: MEETING,
      employerMeetingOn: '2024-04-05',
      jointMeetingOn: '2024-04-10',
      obstacles: [],
      resources: [],
      employerView: [],
      possibleAdjustments: [],
      actionPlan: [],
      reviewOn: '2024-05-08',
    });
    assert.ok(
      previewEmployerView(MEETING_RECORD, { ...consent, revokedAt: at(13) }).withheld.some(
        (w) => w.itemId === 'o1' && w.reason === 'consent_revoked',
      ),
    );
  });

  it('before the employer meeting there is nothing but the meeting id', () => {
    const early: CdmRecord = { ...MEETING_RECORD, clinicianEmployer: null, joint: null };
    const view = employerView(early, consentTo(['o1']));
    assert.equal(view.employerMeetingOn, null);
    assert.equal(view.reviewOn, null);
    assert.deepEqual(view.obstacles, [
      { id: 'o1', text: 'Lifting boxes over 15 kg at the warehouse' },
    ]);
  });

  // Random records: item ids are drawn from a small pool so that consents hit them often.
  const ids = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `i${i}`));
  const item: fc.Arbitrary<CdmItem> = fc.record({
    id: ids,
    category: fc.constantFrom(...CDM_ITEM_CATEGORIES),
    text: fc.string({ minLength: 1, maxLength: 20 }),
  });
  const date = fc
    .integer({ min: 0, max: 60 })
    .map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
  const record: fc.Arbitrary<CdmRecord> = fc.record({
    meetingId: fc.constant(MEETING),
    patientClinician: fc.option(
      fc.record({
        heldOn: date,
        obstacles: fc.array(item, { maxLength: 4 }),
        resources: fc.array(item, { maxLength: 4 }),
      }),
    ),
    clinicianEmployer: fc.option(
      fc.record({
        heldOn: date,
        employerView: fc.array(item, { maxLength: 4 }),
        possibleAdjustments: fc.array(item, { maxLength: 4 }),
      }),
    ),
    joint: fc.option(
      fc.record({
        heldOn: date,
        actionPlan: fc.array(
          fc.record({
            id: ids,
            what: fc.string({ minLength: 1, maxLength: 20 }),
            who: fc.constantFrom(...CDM_ACTORS),
            byWhen: date,
          }),
          { maxLength: 4 },
        ),
        reviewOn: date,
      }),
    ),
    clinical: fc.array(
      fc.record({
        id: ids,
        kind: fc.constantFrom(
          'diagnosis' as const,
          'score' as const,
          'flag' as const,
          'note' as const,
        ),
        text: fc.string({ minLength: 1, maxLength: 20 }),
      }),
      { maxLength: 4 },
    ),
  });
  const consent: fc.Arbitrary<CdmSharingConsent> = fc.record({
    decisions: fc.array(
      fc.record({ itemId: ids, share: fc.boolean(), at: fc.integer({ min: 1, max: 6 }).map(at) }),
      { maxLength: 20 },
    ),
    revokedAt: fc.option(fc.constant(at(20)), { freq: 5 }),
  });

  it('property: the view has only allowed fields, and only shared, non-health, non-clinical items', () => {
    const itemKeys = new Set(['id', 'text']);
    const actionKeys = new Set(['id', 'what', 'who', 'byWhen']);
    fc.assert(
      fc.property(record, consent, (r, c) => {
        const before = JSON.stringify([r, c]);
        const view = EmployerViewSchema.parse(employerView(r, c));
        assert.equal(JSON.stringify([r, c]), before, 'inputs not mutated');
        assert.deepEqual(Object.keys(view).sort(), [...EMPLOYER_VIEW_FIELDS].sort());
        const shared = sharedItemIds(c);
        const sections = [
          [view.obstacles, r.patientClinician?.obstacles ?? []],
          [view.resources, r.patientClinician?.resources ?? []],
          [view.employerView, r.clinicianEmployer?.employerView ?? []],
          [view.possibleAdjustments, r.clinicianEmployer?.possibleAdjustments ?? []],
        ] as const;
        for (const [visible, source] of sections) {
          for (const v of visible) assert.ok(Object.keys(v).every((k) => itemKeys.has(k)));
          // Exactly the source items that are shared and not about health, in order.
          const expected =
            c.revokedAt !== null
              ? []
              : source
                  .filter((s) => s.category !== 'health' && shared.has(s.id))
                  .map((s) => ({ id: s.id, text: s.text }));
          assert.deepEqual(visible, expected);
        }
        for (const a of view.actionPlan) {
          assert.ok(Object.keys(a).every((k) => actionKeys.has(k)));
          assert.ok(shared.has(a.id) && c.revokedAt === null);
        }
        // A clinical item is never shown as itself (its id may be reused by a shareable item only
        // in an invalid record, which checkCdm reports).
        const json = JSON.stringify(view);
        for (const x of r.clinical) {
          if (!cdmIdUsedElsewhere(r, x.id)) assert.ok(!json.includes(`"id":"${x.id}"`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: revoking an item removes it, and revoking the consent empties every section', () => {
    fc.assert(
      fc.property(record, consent, ids, (r, c, itemId) => {
        const revoked: CdmSharingConsent = {
          ...c,
          decisions: [...c.decisions, { itemId, share: false, at: at(10) }],
        };
        const json = JSON.stringify(employerView(r, revoked));
        assert.ok(!json.includes(`"id":"${itemId}"`));
        const none = employerView(r, { ...c, revokedAt: at(20) });
        for (const list of [
          none.obstacles,
          none.resources,
          none.employerView,
          none.possibleAdjustments,
          none.actionPlan,
        ]) {
          assert.equal(list.length, 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function cdmIdUsedElsewhere(record: CdmRecord, id: string): boolean {
  const items = [
    ...(record.patientClinician?.obstacles ?? []),
    ...(record.patientClinician?.resources ?? []),
    ...(record.clinicianEmployer?.employerView ?? []),
    ...(record.clinicianEmployer?.possibleAdjustments ?? []),
    ...(record.joint?.actionPlan ?? []),
  ];
  return items.some((x) => x.id === id);
}
