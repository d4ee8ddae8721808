import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CONTACT_MODES,
  DISCHARGE_OUTCOMES,
  ReferralEventSchema,
  ReferralStateSchema,
  ReferrerNotificationSchema,
  type CareStep,
  type ContactMode,
  type ReferralEvent,
} from '@workup/contracts';
import { referralNotifications } from './feedback';
import { applyReferralEvent, foldReferral } from './referral';
import { svaiSessionRange, svaiSessions } from './svai';

const REFERRAL = '0b8f6d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b';
const REFERRER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const ADVISER = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

const t = (day: number, hour = 9) =>
  `2024-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

const referred: ReferralEvent = {
  type: 'referred',
  at: t(1),
  referralId: REFERRAL,
  referrerId: REFERRER,
};
const accepted: ReferralEvent = { type: 'accepted', at: t(2), adviserId: ADVISER };
const contact = (
  day: number,
  step: CareStep,
  mode: ContactMode,
  extra: { employerContactConsent?: boolean } = {},
): ReferralEvent => ({
  type: 'contact',
  at: t(day, 17),
  occurredAt: t(day, 10),
  step,
  mode,
  notes: 'private notes: pain worse when lifting',
  ...extra,
});

/** A full SWAP journey: telephone, face to face, workplace, discharge (reference.md §19). */
const JOURNEY: ReferralEvent[] = [
  referred,
  accepted,
  contact(4, 1, 'telephone'),
  contact(8, 1, 'telephone'),
  contact(11, 2, 'face_to_face'),
  contact(15, 3, 'employer_telephone', { employerContactConsent: true }),
  contact(18, 2, 'video'),
  { type: 'discharged', at: t(25), outcome: 'returned_to_work', notes: 'back on full duties' },
];

describe('stepped-care referral (SWAP, reference.md §19)', () => {
  it('folds a full journey into its state', () => {
    const result = foldReferral(JOURNEY);
    assert.ok(result.ok);
    const { state } = result;
    assert.equal(state.status, 'discharged');
    assert.equal(state.step, 3);
    assert.equal(state.contacts.length, 5);
    assert.deepEqual(
      state.contacts.map((c) => [c.step, c.mode]),
      [
        [1, 'telephone'],
        [1, 'telephone'],
        [2, 'face_to_face'],
        [3, 'employer_telephone'],
        [2, 'video'],
      ],
    );
    assert.equal(state.outcome, 'returned_to_work');
    assert.equal(state.closedAt, t(25));
    assert.equal(state.adviserId, ADVISER);
    ReferralStateSchema.parse(state);
    for (const event of JOURNEY) ReferralEventSchema.parse(event);
  });

  it('status after each prefix: referred, accepted, in progress, discharged', () => {
    const statuses = JOURNEY.map((_, i) => {
      const r = foldReferral(JOURNEY.slice(0, i + 1));
      return r.ok ? r.state.status : 'rejected';
    });
    assert.deepEqual(statuses, [
      'referred',
      'accepted',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'discharged',
    ]);
  });

  const rejectedWith = (events: ReferralEvent[]) => {
    const r = foldReferral(events);
    assert.ok(!r.ok);
    return [r.rejection.index, r.rejection.code];
  };

  it('rejects invalid transitions at the first invalid event, with a reason', () => {
    assert.deepEqual(rejectedWith([]), [0, 'empty']);
    assert.deepEqual(rejectedWith([accepted]), [0, 'not_referred']);
    assert.deepEqual(rejectedWith([referred, referred]), [1, 'already_referred']);
    assert.deepEqual(rejectedWith([referred, accepted, accepted]), [2, 'already_accepted']);
    assert.deepEqual(rejectedWith([referred, contact(4, 1, 'telephone')]), [1, 'not_accepted']);
    assert.deepEqual(rejectedWith([referred, accepted, contact(4, 2, 'face_to_face')]), [
      2,
      'step_skipped',
    ]);
    assert.deepEqual(
      rejectedWith([
        referred,
        accepted,
        contact(4, 1, 'telephone'),
        contact(5, 3, 'workplace_meeting', { employerContactConsent: true }),
      ]),
      [3, 'step_skipped'],
    );
    assert.deepEqual(rejectedWith([referred, accepted, contact(4, 1, 'face_to_face')]), [
      2,
      'mode_not_allowed',
    ]);
    assert.deepEqual(
      rejectedWith([
        referred,
        accepted,
        contact(4, 1, 'telephone'),
        contact(5, 2, 'workplace_meeting'),
      ]),
      [3, 'mode_not_allowed'],
    );
    assert.deepEqual(
      rejectedWith([
        referred,
        accepted,
        contact(4, 1, 'telephone'),
        contact(5, 2, 'face_to_face'),
        contact(6, 3, 'workplace_meeting'),
      ]),
      [4, 'no_employer_consent'],
    );
    assert.deepEqual(
      rejectedWith([
        referred,
        accepted,
        { type: 'discharged', at: t(3), outcome: 'stayed_at_work', notes: '' },
      ]),
      [2, 'no_contact'],
    );
    assert.deepEqual(
      rejectedWith([
        referred,
        accepted,
        contact(4, 1, 'telephone'),
        { type: 'declined', at: t(5), by: 'patient', reason: 'no time' },
      ]),
      [3, 'already_in_progress'],
    );
    assert.deepEqual(rejectedWith([...JOURNEY, contact(26, 1, 'telephone')]), [8, 'closed']);
    assert.deepEqual(rejectedWith([referred, { ...accepted, at: '2024-02-28T09:00:00Z' }]), [
      1,
      'out_of_order',
    ]);
    // Offsets are compared as instants: 10:00+02:00 is 08:00Z, before the referral at 09:00Z.
    assert.deepEqual(rejectedWith([referred, { ...accepted, at: '2024-03-01T10:00:00+02:00' }]), [
      1,
      'out_of_order',
    ]);
    assert.deepEqual(
      rejectedWith([
        referred,
        accepted,
        { ...contact(4, 1, 'telephone'), occurredAt: t(4, 18) } as ReferralEvent,
      ]),
      [2, 'contact_time'],
    );
    const r = foldReferral([referred, accepted, contact(4, 2, 'face_to_face')]);
    assert.ok(!r.ok);
    assert.match(r.rejection.reason, /Step 2 cannot come before step 1/);
    assert.equal(r.state?.status, 'accepted');
  });

  it('declined before any contact, withdrawn before discharge; both close the referral', () => {
    const declined = foldReferral([
      referred,
      { type: 'declined', at: t(2), by: 'service', reason: 'not employed' },
    ]);
    assert.ok(declined.ok);
    assert.equal(declined.state.status, 'declined');
    assert.equal(declined.state.closeReason, 'declined by the service: not employed');
    const declinedAfterAccept = foldReferral([
      referred,
      accepted,
      { type: 'declined', at: t(3), by: 'patient', reason: 'no' },
    ]);
    assert.ok(declinedAfterAccept.ok);
    const withdrawn = foldReferral([
      ...JOURNEY.slice(0, 4),
      { type: 'withdrawn', at: t(9), by: 'patient', reason: 'moved' },
    ]);
    assert.ok(withdrawn.ok);
    assert.equal(withdrawn.state.status, 'withdrawn');
    assert.equal(withdrawn.state.outcome, null);
  });

  it('property: any event sequence folds, or is rejected at its first invalid event', () => {
    const stamp = fc
      .integer({ min: 0, max: 30 * 24 })
      .map((h) => new Date(Date.UTC(2024, 2, 1) + h * 3_600_000).toISOString());
    const event: fc.Arbitrary<ReferralEvent> = fc.oneof(
      fc.record({
        type: fc.constant('referred' as const),
        at: stamp,
        referralId: fc.constant(REFERRAL),
        referrerId: fc.constant(REFERRER),
      }),
      fc.record({
        type: fc.constant('accepted' as const),
        at: stamp,
        adviserId: fc.constant(ADVISER),
      }),
      fc.record({
        type: fc.constant('declined' as const),
        at: stamp,
        by: fc.constantFrom('service' as const, 'patient' as const),
        reason: fc.constant('r'),
      }),
      fc.record({
        type: fc.constant('contact' as const),
        at: stamp,
        occurredAt: stamp,
        step: fc.constantFrom<CareStep>(1, 2, 3),
        mode: fc.constantFrom(...CONTACT_MODES),
        employerContactConsent: fc.boolean(),
        notes: fc.constant('n'),
      }),
      fc.record({
        type: fc.constant('discharged' as const),
        at: stamp,
        outcome: fc.constantFrom(...DISCHARGE_OUTCOMES),
        notes: fc.constant(''),
      }),
      fc.record({
        type: fc.constant('withdrawn' as const),
        at: stamp,
        by: fc.constantFrom('patient' as const, 'referrer' as const, 'service' as const),
        reason: fc.constant('r'),
      }),
    );
    // Half the sequences start with a valid referral, so that long valid folds are common.
    const sequence = fc.oneof(
      fc.array(event, { maxLength: 12 }),
      fc
        .array(event, { maxLength: 12 })
        .map((rest) => [{ ...referred, at: '2024-03-01T00:00:00.000Z' }, ...rest]),
    );
    fc.assert(
      fc.property(sequence, (events) => {
        const result = foldReferral(events);
        // Replay step by step: every event before the rejection applies, the rejected one does not.
        let state = null;
        const stop = result.ok ? events.length : result.rejection.index;
        for (const [index, e] of events.entries()) {
          const next = applyReferralEvent(state, e);
          if (index < stop) {
            assert.ok(next.ok, `event ${index} should apply`);
            state = next.state;
          } else {
            assert.ok(!next.ok, `event ${index} should be rejected`);
            break;
          }
        }
        if (result.ok) {
          assert.deepEqual(result.state, state);
          ReferralStateSchema.parse(result.state);
          // Invariants of every valid state.
          assert.ok(result.state.step <= 3);
          assert.equal(result.state.outcome !== null, result.state.status === 'discharged');
          if (result.state.contacts.length > 0) assert.ok(result.state.acceptedAt !== null);
        } else {
          assert.deepEqual(result.state, state);
          assert.ok(result.rejection.reason.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('SVAI session counts (MI-NAV, reference.md §20)', () => {
  it('low and medium risk 1-2 sessions, high risk 3-4', () => {
    assert.deepEqual(svaiSessionRange('low'), { min: 1, max: 2 });
    assert.deepEqual(svaiSessionRange('medium'), { min: 1, max: 2 });
    assert.deepEqual(svaiSessionRange('high'), { min: 3, max: 4 });
  });

  it('counts advice sessions with the patient (not the workplace contact) against the plan', () => {
    const r = foldReferral(JOURNEY);
    assert.ok(r.ok);
    const high = svaiSessions(r.state, 'high');
    assert.equal(high.delivered, 4); // 2 telephone, face to face, video; the employer call is not a session
    assert.equal(high.progress, 'within_plan');
    assert.equal(svaiSessions(r.state, 'low').progress, 'above_plan');
    assert.equal(svaiSessions(null, 'low').progress, 'below_plan');
    const custom = {
      low: { min: 1, max: 1 },
      medium: { min: 2, max: 3 },
      high: { min: 5, max: 6 },
    };
    assert.equal(svaiSessions(r.state, 'high', custom).progress, 'below_plan');
  });
});

describe('feedback to the referring clinician (the closed loop)', () => {
  it('accepted, each step once, discharge with the outcome; no notes, all to the referrer', () => {
    const { notifications, rejection } = referralNotifications(JOURNEY);
    assert.equal(rejection, null);
    assert.deepEqual(
      notifications.map((n) => [n.kind, n.step, n.outcome, n.dueAt]),
      [
        ['accepted', null, null, t(2)],
        ['step_started', 1, null, t(4, 17)],
        ['step_started', 2, null, t(11, 17)],
        ['step_started', 3, null, t(15, 17)],
        ['discharged', null, 'returned_to_work', t(25)],
      ],
    );
    assert.equal(
      notifications[3]?.message,
      'Vocational advice reached step 3 (contact with the workplace) on 2024-03-15.',
    );
    assert.equal(
      notifications[4]?.message,
      'Vocational advice ended on 2024-03-25: the patient returned to work.',
    );
    for (const n of notifications) {
      ReferrerNotificationSchema.parse(n);
      assert.deepEqual(n.to, { role: 'referrer', staffId: REFERRER });
      assert.ok(!JSON.stringify(n).includes('pain'), 'contact notes never reach the referrer');
      assert.ok(!JSON.stringify(n).includes('full duties'));
    }
    assert.equal(new Set(notifications.map((n) => n.key)).size, notifications.length);
  });

  it('declined and withdrawn tell the referrer, unless the referrer withdrew it', () => {
    const declined = referralNotifications([
      referred,
      { type: 'declined', at: t(2), by: 'patient', reason: 'private reason' },
    ]);
    assert.deepEqual(
      declined.notifications.map((n) => [n.kind, n.by]),
      [['declined', 'patient']],
    );
    assert.ok(!declined.notifications[0]?.message.includes('private reason'));
    const byReferrer = referralNotifications([
      referred,
      accepted,
      { type: 'withdrawn', at: t(3), by: 'referrer', reason: 'x' },
    ]);
    assert.deepEqual(
      byReferrer.notifications.map((n) => n.kind),
      ['accepted'],
    );
    const byService = referralNotifications([
      referred,
      accepted,
      { type: 'withdrawn', at: t(3), by: 'service', reason: 'x' },
    ]);
    assert.deepEqual(
      byService.notifications.map((n) => n.kind),
      ['accepted', 'withdrawn'],
    );
  });

  it('stops at the first invalid event and reports it', () => {
    const { notifications, rejection } = referralNotifications([
      referred,
      accepted,
      contact(4, 3, 'workplace_meeting', { employerContactConsent: true }),
    ]);
    assert.deepEqual(
      notifications.map((n) => n.kind),
      ['accepted'],
    );
    assert.equal(rejection?.code, 'step_skipped');
  });

  it('property: replaying a longer history keeps every notification already due (exactly once by key)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: JOURNEY.length }), (cut) => {
        const earlier = referralNotifications(JOURNEY.slice(0, cut)).notifications;
        const later = referralNotifications(JOURNEY).notifications;
        assert.deepEqual(later.slice(0, earlier.length), earlier);
        const keys = later.map((n) => n.key);
        assert.equal(new Set(keys).size, keys.length);
      }),
    );
  });
});
