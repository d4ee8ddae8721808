import type { ReferralEvent } from '@workup/contracts';
import { checkVocationalEligibility, referralTiming, resolveRtwParameters } from '@workup/core';
import {
  appendReferralEvent,
  createEpisode,
  insertMeeting,
  insertReferral,
  insertSickLeavePeriod,
  setReferralState,
  type Db,
} from '@workup/db';
import { eligibilityInput, queueReferralNotifications } from './rtw';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/**
 * Return to work in the demo (issue 7): Ines Dahl has been off work for five weeks with low back
 * pain; her clinician referred her to vocational advice three days ago, the demo adviser accepted
 * and called her (the clinician's notifications go out by e-mail to the outbox when the app
 * runs), and the first step of a Convergence Dialogue Meeting is on record.
 */
export async function seedReturnToWork(
  db: Db,
  input: { patientId: string; unitId: string; clinicianId: string; adviserId: string; now: Date },
): Promise<void> {
  const { patientId, now } = input;
  await createEpisode(db, {
    patientId,
    bodyRegion: 'low_back',
    onsetOn: isoDay(daysFrom(now, -42)),
    startedOn: isoDay(daysFrom(now, -36)),
    diagnoses: [{ system: 'icd10', code: 'M54.5' }],
    createdBy: input.clinicianId,
    now,
  });
  for (const [from, to, degree] of [
    [-35, -8, 100],
    [-7, 13, 50],
  ] as const) {
    await insertSickLeavePeriod(db, {
      patientId,
      fromOn: isoDay(daysFrom(now, from)),
      toOn: isoDay(daysFrom(now, to)),
      degree,
      source: 'certificate',
      recordedBy: input.clinicianId,
      now,
    });
  }

  const referredAt = daysFrom(now, -3);
  const facts = await eligibilityInput(db, patientId, isoDay(referredAt), true);
  const gapDays = resolveRtwParameters({ preset: 'se' }).gapDays;
  const referral = await insertReferral(db, {
    patientId,
    unitId: input.unitId,
    referrerId: input.clinicianId,
    question: 'Warehouse work with heavy lifting; wants to try lighter duties. Please advise.',
    riskGroup: 'medium',
    eligibility: checkVocationalEligibility(facts, { gapDays }),
    timing: referralTiming(facts, undefined, { gapDays }),
    overrideReason: null,
    now: referredAt,
  });
  const events: ReferralEvent[] = [
    {
      type: 'referred',
      at: referredAt.toISOString(),
      referralId: referral.id,
      referrerId: input.clinicianId,
    },
    { type: 'accepted', at: daysFrom(now, -2).toISOString(), adviserId: input.adviserId },
    {
      type: 'contact',
      at: daysFrom(now, -1).toISOString(),
      occurredAt: daysFrom(now, -1).toISOString(),
      step: 1,
      mode: 'telephone',
      notes: 'Talked through the work tasks; she would like to meet.',
    },
  ];
  for (const [index, event] of events.entries()) {
    await appendReferralEvent(db, {
      referralId: referral.id,
      sequence: index + 1,
      type: event.type,
      event,
      recordedBy: event.type === 'referred' ? input.clinicianId : input.adviserId,
      now: new Date(event.at),
    });
  }
  await setReferralState(db, {
    referralId: referral.id,
    status: 'in_progress',
    adviserId: input.adviserId,
    now,
  });
  await queueReferralNotifications(db, { referral, events, now, maxAttempts: 8 });

  await insertMeeting(db, {
    patientId,
    unitId: input.unitId,
    employerName: 'Northgate Logistics, warehouse B',
    employeeName: 'Ines Dahl',
    record: {
      patientClinician: {
        heldOn: isoDay(daysFrom(now, -5)),
        obstacles: [
          { id: 'demo-o1', category: 'work_tasks', text: 'Lifting boxes from the floor all shift' },
          { id: 'demo-o2', category: 'health', text: 'Pain worse after an hour of standing' },
        ],
        resources: [
          { id: 'demo-r1', category: 'support', text: 'A supportive team leader' },
          { id: 'demo-r2', category: 'work_tasks', text: 'Knows the stock system well' },
        ],
      },
      clinicianEmployer: null,
      joint: null,
      clinical: [],
    },
    createdBy: input.clinicianId,
    now,
  });
}
