import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CARE_STEPS,
  CONTACT_MODES,
  REFERRAL_STATUSES,
  type ReferralNotificationRecord,
} from '@workup/contracts';
import { STEP_MODES as CORE_STEP_MODES } from '@workup/core';
import fc from 'fast-check';
import {
  conflictCode,
  isOpenStatus,
  modeForStep,
  newestNotificationsFirst,
  plannedSessions,
  readContactForm,
  referralActions,
  strugglingValue,
} from './referral-logic';

test('SVAI plans 1-2 sessions for low and medium risk, 3-4 for high (reference.md §20)', () => {
  assert.deepEqual(plannedSessions('low'), { min: 1, max: 2 });
  assert.deepEqual(plannedSessions('medium'), { min: 1, max: 2 });
  assert.deepEqual(plannedSessions('high'), { min: 3, max: 4 });
});

test('struggling at work: yes, no, or not asked (null)', () => {
  assert.equal(strugglingValue('yes'), true);
  assert.equal(strugglingValue('no'), false);
  assert.equal(strugglingValue('notAsked'), null);
});

test('actions follow core’s fold: no discharge before a contact, no decline once in progress', () => {
  assert.deepEqual(referralActions('referred'), {
    accept: true,
    decline: true,
    contact: false,
    discharge: false,
    withdraw: true,
  });
  assert.deepEqual(referralActions('accepted'), {
    accept: false,
    decline: true,
    contact: true,
    discharge: false,
    withdraw: true,
  });
  assert.deepEqual(referralActions('in_progress'), {
    accept: false,
    decline: false,
    contact: true,
    discharge: true,
    withdraw: true,
  });
  for (const status of REFERRAL_STATUSES) {
    const any = Object.values(referralActions(status)).some(Boolean);
    assert.equal(any, isOpenStatus(status), status);
  }
});

test('409 codes: core’s own and the HTTP names for them; unknown ones are left to the server', () => {
  assert.equal(conflictCode('mode_not_allowed'), 'mode_not_allowed');
  assert.equal(conflictCode('contact_mode_not_allowed'), 'mode_not_allowed');
  assert.equal(conflictCode('already_closed'), 'closed');
  assert.equal(conflictCode('no_contact'), 'no_contact');
  assert.equal(conflictCode('something_new'), null);
});

const base = {
  occurredAt: '2026-03-01T09:30',
  step: 1 as const,
  mode: 'telephone' as const,
  employerContactConsent: false,
  notes: '  talked about shifts  ',
};

test('a step-1 telephone contact becomes the request, its local time an instant', () => {
  // TZ=UTC in tests: local wall time is UTC.
  assert.deepEqual(readContactForm(base), {
    ok: true,
    request: {
      type: 'contact',
      occurredAt: '2026-03-01T09:30:00.000Z',
      step: 1,
      mode: 'telephone',
      notes: 'talked about shifts',
    },
  });
});

test('step 3 needs the patient’s agreement and sends it', () => {
  const step3 = { ...base, step: 3 as const, mode: 'workplace_meeting' as const };
  assert.deepEqual(readContactForm(step3), { ok: false, problems: ['consent'] });
  const agreed = readContactForm({ ...step3, employerContactConsent: true });
  assert.ok(agreed.ok);
  assert.equal(
    agreed.request.type === 'contact' ? agreed.request.employerContactConsent : undefined,
    true,
  );
});

test('a mode the step does not allow, a missing time or step is named', () => {
  assert.deepEqual(readContactForm({ ...base, mode: 'face_to_face' }), {
    ok: false,
    problems: ['mode'],
  });
  assert.deepEqual(readContactForm({ ...base, occurredAt: '', step: null, mode: null }), {
    ok: false,
    problems: ['occurredAt', 'step', 'mode'],
  });
});

test('property: the form accepts exactly the modes core allows at each step', () => {
  fc.assert(
    fc.property(fc.constantFrom(...CARE_STEPS), fc.constantFrom(...CONTACT_MODES), (step, mode) => {
      const result = readContactForm({ ...base, step, mode, employerContactConsent: true });
      assert.equal(result.ok, CORE_STEP_MODES[step].includes(mode));
      assert.equal(modeForStep(step, mode) !== null, CORE_STEP_MODES[step].includes(mode));
    }),
  );
});

const notification = (id: string, createdAt: string): ReferralNotificationRecord => ({
  id,
  key: `k-${id}`,
  kind: 'accepted',
  referralId: '00000000-0000-4000-8000-000000000001',
  patientId: '00000000-0000-4000-8000-000000000002',
  recipientId: '00000000-0000-4000-8000-000000000003',
  message: 'm',
  createdAt,
  delivery: 'sent',
  sentAt: createdAt,
  readAt: null,
});

test('notifications newest first, by instant (offsets honoured), ties by id', () => {
  const sorted = newestNotificationsFirst([
    notification('b', '2026-03-01T10:00:00Z'),
    notification('a', '2026-03-01T10:00:00Z'),
    // 11:30 in Stockholm (winter) is 10:30 UTC: the newest.
    notification('c', '2026-03-01T11:30:00+01:00'),
  ]);
  assert.deepEqual(
    sorted.map((n) => n.id),
    ['c', 'a', 'b'],
  );
});
