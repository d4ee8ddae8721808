import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EmployerViewSchema, PatientSharingPageSchema } from '@workup/contracts';
import type {
  CdmItem,
  CdmRecord,
  CdmSharingConsent,
  PatientSharingPage,
  SharingItem,
} from '@workup/contracts';
import { previewEmployerView } from '@workup/core';
import fc from 'fast-check';
import {
  decisionsFor,
  hasDecisions,
  hasUnsavedChanges,
  itemsBySection,
  localView,
  savedTicks,
  ticksFor,
} from './approval-model';

/** The meeting of the browser journey: an obstacle, a health item, a resource; step 2; step 3. */
const RECORD: CdmRecord = {
  meetingId: '00000000-0000-4000-8000-000000000001',
  patientClinician: {
    heldOn: '2026-11-02',
    obstacles: [
      { id: 'o1', category: 'work_tasks', text: 'Lifting parcels above 15 kg' },
      { id: 'h1', category: 'health', text: 'Disc prolapse L5' },
      { id: 'o2', category: 'working_hours', text: 'Early shifts' },
    ],
    resources: [{ id: 'r1', category: 'support', text: 'A supportive team leader' }],
  },
  clinicianEmployer: {
    heldOn: '2026-11-09',
    employerView: [{ id: 'e1', category: 'work_demands', text: 'Peak season in December' }],
    possibleAdjustments: [{ id: 'a1', category: 'adjustment', text: 'Scanning desk for 4 weeks' }],
  },
  joint: {
    heldOn: '2026-11-16',
    actionPlan: [
      { id: 'p1', what: 'Start at the scanning desk', who: 'employer', byWhen: '2026-11-23' },
      { id: 'p2', what: 'Daily walk', who: 'patient', byWhen: '2026-11-30' },
    ],
    reviewOn: '2026-12-14',
  },
  clinical: [{ id: 'c1', kind: 'score', text: 'ODI 42 %' }],
};

/**
 * The page as the server builds it (server `sharingPage`): every item with the decision in
 * force, health items not shareable, and core's preview of the consent.
 */
function pageOf(record: CdmRecord, consent: CdmSharingConsent): PatientSharingPage {
  const decided = new Map(consent.decisions.map((d) => [d.itemId, d.share]));
  const items: SharingItem[] = [];
  const add = (section: SharingItem['section'], list: readonly CdmItem[]) => {
    for (const item of list) {
      items.push({
        id: item.id,
        section,
        category: item.category,
        text: item.text,
        who: null,
        byWhen: null,
        shareable: item.category !== 'health',
        share: decided.get(item.id) ?? null,
      });
    }
  };
  add('obstacles', record.patientClinician?.obstacles ?? []);
  add('resources', record.patientClinician?.resources ?? []);
  add('employerView', record.clinicianEmployer?.employerView ?? []);
  add('possibleAdjustments', record.clinicianEmployer?.possibleAdjustments ?? []);
  for (const action of record.joint?.actionPlan ?? []) {
    items.push({
      id: action.id,
      section: 'actionPlan',
      category: 'action',
      text: action.what,
      who: action.who,
      byWhen: action.byWhen,
      shareable: true,
      share: decided.get(action.id) ?? null,
    });
  }
  return PatientSharingPageSchema.parse({
    employerName: 'Parcel depot',
    meetingDates: {
      patientClinician: record.patientClinician?.heldOn ?? null,
      clinicianEmployer: record.clinicianEmployer?.heldOn ?? null,
      joint: record.joint?.heldOn ?? null,
    },
    items,
    revokedAt: consent.revokedAt,
    preview: previewEmployerView(record, consent),
    expiresAt: '2026-11-30T10:00:00.000Z',
  });
}

const AT = '2026-11-20T10:00:00Z';
const NOTHING: CdmSharingConsent = { decisions: [], revokedAt: null };

function consentOf(ticks: Readonly<Record<string, boolean>>): CdmSharingConsent {
  return {
    decisions: Object.entries(ticks).map(([itemId, share]) => ({ itemId, share, at: AT })),
    revokedAt: null,
  };
}

describe("the patient's approval page", () => {
  it('starts from the decisions in force; an undecided item is not ticked', () => {
    const page = pageOf(RECORD, consentOf({ o1: true, r1: false, h1: true }));
    assert.deepEqual(savedTicks(page.items), {
      o1: true,
      h1: false,
      o2: false,
      r1: false,
      e1: false,
      a1: false,
      p1: false,
      p2: false,
    });
    assert.equal(hasDecisions(page.items), true);
    assert.equal(hasDecisions(pageOf(RECORD, NOTHING).items), false);
  });

  it('sends a decision for every shareable item and none for a health item', () => {
    const page = pageOf(RECORD, NOTHING);
    const ticks = ticksFor(page.items, { o1: true, a1: true, h1: true });
    assert.equal(ticks.h1, false, 'a health item is never ticked');
    assert.equal(hasUnsavedChanges(page.items, ticks), true);
    assert.equal(hasUnsavedChanges(page.items, ticksFor(page.items, { h1: true })), false);
    assert.deepEqual(decisionsFor(page.items, ticks), [
      { itemId: 'o1', share: true },
      { itemId: 'o2', share: false },
      { itemId: 'r1', share: false },
      { itemId: 'e1', share: false },
      { itemId: 'a1', share: true },
      { itemId: 'p1', share: false },
      { itemId: 'p2', share: false },
    ]);
  });

  it('groups the items by section in the order of the meeting', () => {
    const groups = itemsBySection(pageOf(RECORD, NOTHING).items);
    assert.deepEqual(
      groups.map((group) => [group.section, group.items.map((item) => item.id)]),
      [
        ['obstacles', ['o1', 'h1', 'o2']],
        ['resources', ['r1']],
        ['employerView', ['e1']],
        ['possibleAdjustments', ['a1']],
        ['actionPlan', ['p1', 'p2']],
      ],
    );
    assert.deepEqual(itemsBySection([]), []);
  });

  it("the live preview is exactly the server's view once the ticks are saved (property)", () => {
    const page = pageOf(RECORD, NOTHING);
    const ids = page.items.map((item) => item.id);
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
        (flags) => {
          const edits = Object.fromEntries(ids.map((id, i) => [id, flags[i] ?? false]));
          const ticks = ticksFor(page.items, edits);
          const live = localView(page, ticks);
          EmployerViewSchema.parse(live);
          // What the server answers after "Save my choices" with these ticks.
          const saved = pageOf(
            RECORD,
            consentOf(
              Object.fromEntries(decisionsFor(page.items, ticks).map((d) => [d.itemId, d.share])),
            ),
          );
          assert.deepEqual(live, saved.preview.view);
          assert.equal(hasUnsavedChanges(saved.items, ticks), false);
          assert.equal(JSON.stringify(live).includes('Disc prolapse'), false);
          assert.equal(JSON.stringify(live).includes('ODI'), false);
        },
      ),
    );
  });

  it('after a withdrawal nothing is ticked and the preview keeps the dates only', () => {
    const page = pageOf(RECORD, { decisions: [], revokedAt: AT });
    const ticks = ticksFor(page.items, {});
    assert.equal(Object.values(ticks).some(Boolean), false);
    assert.equal(hasDecisions(page.items), false);
    assert.deepEqual(localView(page, ticks), page.preview.view);
    assert.deepEqual(
      [page.preview.view.employerMeetingOn, page.preview.view.jointMeetingOn],
      ['2026-11-09', '2026-11-16'],
    );
    assert.equal(page.preview.view.reviewOn, '2026-12-14');
  });

  it('an action keeps who and by when in the preview', () => {
    const page = pageOf(RECORD, NOTHING);
    const view = localView(page, { p1: true, p2: true });
    assert.deepEqual(view.actionPlan, [
      { id: 'p1', what: 'Start at the scanning desk', who: 'employer', byWhen: '2026-11-23' },
      { id: 'p2', what: 'Daily walk', who: 'patient', byWhen: '2026-11-30' },
    ]);
  });
});
