import {
  CdmRecordSchema,
  EligibilityResultSchema,
  ReferralEventSchema,
  SvaiRiskGroupSchema,
  TimingHintSchema,
  VocationalWorkAnswersSchema,
  type CdmRecord,
  type CdmSharingConsent,
  type CheckpointView,
  type EligibilityInput,
  type EmployerLink,
  type Meeting,
  type PatientSharingPage,
  type PatientTimeline,
  type ReferralEvent,
  type ReferralNotificationRecord,
  type SharingItem,
  type SickLeavePeriodRecord,
  type TimelineEvent,
  type VocationalReferral,
} from '@workup/contracts';
import {
  checkCdm,
  checkpointsForPeriods,
  cdmNextStep,
  computePersonRtw,
  foldReferral,
  previewEmployerView,
  referralNotifications,
  resolveRtwParameters,
  svaiSessions,
  type Checkpoint,
} from '@workup/core';
import {
  enqueueJob,
  findNotification,
  findStaffUserById,
  insertReferralNotifications,
  latestAnswers,
  listMeetingLinks,
  listEpisodes,
  listReferralEvents,
  listReferralNotifications,
  listSharingEvents,
  listSickLeavePeriods,
  markNotificationFailed,
  markNotificationSent,
  setNotificationJob,
  staffNames,
  type CdmMeetingRow,
  type CdmSharingEventRow,
  type Db,
  type CdmLinkRow,
  type ReferralEventRow,
  type ReferralNotificationRow,
  type SickLeavePeriodRow,
  type VocationalReferralRow,
} from '@workup/db';
import type { Config } from '../config';
import type { Mailer } from './mailer';

/*
 * Return to work (issue 7) on the server: the views the routes answer with, built from rows and
 * core's rules, and the notifications that close the loop with the referring clinician.
 */

export const REFERRAL_NOTIFY_JOB = 'referral.notify';

export function toSickLeavePeriod(row: SickLeavePeriodRow): SickLeavePeriodRecord {
  return {
    id: row.id,
    from: row.fromOn,
    to: row.toOn,
    degree: row.degree,
    source: row.source as SickLeavePeriodRecord['source'],
    recordedBy: row.recordedBy,
    recordedAt: row.createdAt.toISOString(),
    removedAt: row.removedAt?.toISOString() ?? null,
    removalReason: row.removalReason,
  };
}

/** The periods that count: those not removed, as core reads them. */
function activePeriods(rows: readonly SickLeavePeriodRow[]) {
  return rows
    .filter((row) => row.removedAt === null)
    .map((row) => ({ from: row.fromOn, to: row.toOn, degree: row.degree }));
}

export function toCheckpoint(checkpoint: Checkpoint): CheckpointView {
  return {
    code: checkpoint.code,
    description: checkpoint.description,
    preset: checkpoint.preset,
    due: checkpoint.due,
    dayOfAbsence: checkpoint.dayOfAbsence,
    audience: [...checkpoint.audience],
    condition: checkpoint.condition,
    applies: checkpoint.applies,
    status: checkpoint.status,
    daysUntil: checkpoint.daysUntil,
    source: checkpoint.source,
    tag: checkpoint.tag,
    ...(checkpoint.note === undefined ? {} : { note: checkpoint.note }),
  };
}

/** The statutory checkpoints of the patient's current absence, for the site's country. */
export async function currentCheckpoints(
  db: Db,
  config: Config,
  patientId: string,
  today: string,
): Promise<{ spell: { from: string; to: string } | null; checkpoints: CheckpointView[] }> {
  const periods = activePeriods(await listSickLeavePeriods(db, patientId));
  const { spell, checkpoints } = checkpointsForPeriods(periods, {
    preset: config.rtw.preset,
    today,
  });
  return { spell, checkpoints: checkpoints.map(toCheckpoint) };
}

/** What core's eligibility check and timing hint read, gathered from the patient's record. */
export async function eligibilityInput(
  db: Db,
  patientId: string,
  asOf: string,
  strugglingAtWork: boolean | null,
): Promise<EligibilityInput> {
  const work = await latestAnswers(db, patientId, 'work');
  const periods = await listSickLeavePeriods(db, patientId);
  const episodes = await listEpisodes(db, patientId);
  const current = episodes.filter((episode) => episode.endedOn === null).at(-1) ?? episodes.at(-1);
  return {
    asOf,
    work: VocationalWorkAnswersSchema.safeParse(work?.answers ?? {}).data ?? {},
    sickLeavePeriods: activePeriods(periods),
    episode:
      current === undefined
        ? null
        : {
            bodyRegion: current.bodyRegion as NonNullable<
              EligibilityInput['episode']
            >['bodyRegion'],
            onsetOn: current.onsetOn,
            diagnoses: current.diagnoses.map((diagnosis) => ({
              system: diagnosis.system as 'icd10' | 'icpc2',
              code: diagnosis.code,
            })),
          },
    strugglingAtWork,
  };
}

function toNotification(row: ReferralNotificationRow): ReferralNotificationRecord {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as ReferralNotificationRecord['kind'],
    referralId: row.referralId,
    patientId: row.patientId,
    recipientId: row.recipientId,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    delivery: row.sentAt !== null ? 'sent' : row.failedAt !== null ? 'failed' : 'pending',
    sentAt: row.sentAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export { toNotification };

/** The events of a referral as core reads them. */
export function referralEventsOf(rows: readonly ReferralEventRow[]): ReferralEvent[] {
  return rows.map((row) => ReferralEventSchema.parse(row.event));
}

/** The referral as the API shows it: core's fold of its events, SVAI counts and the feedback. */
export function toReferral(
  row: VocationalReferralRow,
  eventRows: readonly ReferralEventRow[],
  notifications: readonly ReferralNotificationRow[],
  names: ReadonlyMap<string, string>,
): VocationalReferral {
  // Each stored event parsed once: folded by core, and listed with who recorded it.
  const records = eventRows.map((eventRow) => ({
    sequence: eventRow.sequence,
    event: ReferralEventSchema.parse(eventRow.event),
    recordedBy: eventRow.recordedBy,
    recordedByName: eventRow.recordedByName,
  }));
  const folded = foldReferral(records.map((record) => record.event));
  if (!folded.ok) {
    throw new Error(
      `referral ${row.id}: stored event ${String(folded.rejection.index)} is invalid (${folded.rejection.code})`,
    );
  }
  const state = folded.state;
  const riskGroup = SvaiRiskGroupSchema.parse(row.riskGroup);
  return {
    id: row.id,
    patientId: row.patientId,
    unitId: row.unitId,
    referrerId: row.referrerId,
    referrerName: names.get(row.referrerId) ?? '',
    adviserName: state.adviserId === null ? null : (names.get(state.adviserId) ?? ''),
    createdAt: row.createdAt.toISOString(),
    question: row.question,
    riskGroup,
    eligibility: EligibilityResultSchema.parse(row.eligibility),
    timing: TimingHintSchema.parse(row.timing),
    overrideReason: row.overrideReason,
    state,
    svai: svaiSessions(state, riskGroup),
    events: records,
    notifications: notifications.map(toNotification),
  };
}

/** Referrals with their events, notifications and the names they mention, in the order given. */
export async function loadReferrals(
  db: Db,
  rows: readonly VocationalReferralRow[],
): Promise<VocationalReferral[]> {
  const ids = rows.map((row) => row.id);
  const events = await listReferralEvents(db, ids);
  const notifications = await listReferralNotifications(db, ids);
  const names = await staffNames(db, [
    ...rows.map((row) => row.referrerId),
    ...rows.flatMap((row) => (row.adviserId === null ? [] : [row.adviserId])),
  ]);
  return rows.map((row) =>
    toReferral(
      row,
      events.filter((event) => event.referralId === row.id),
      notifications.filter((notification) => notification.referralId === row.id),
      names,
    ),
  );
}

/**
 * Makes the notifications core says are due after `events` and that were not made yet, and
 * queues one e-mail job for each, in the caller's transaction: a notification exists, and is
 * sent, exactly when the event behind it was committed.
 */
export async function queueReferralNotifications(
  tx: Db,
  input: {
    referral: VocationalReferralRow;
    events: readonly ReferralEvent[];
    now: Date;
    maxAttempts: number;
  },
): Promise<number> {
  const { notifications } = referralNotifications(input.events);
  const added = await insertReferralNotifications(
    tx,
    notifications.map((notification) => ({
      key: notification.key,
      referralId: input.referral.id,
      patientId: input.referral.patientId,
      recipientId: notification.to.staffId,
      kind: notification.kind,
      message: notification.message,
      now: input.now,
    })),
  );
  for (const row of added) {
    const jobId = await enqueueJob(tx, {
      kind: REFERRAL_NOTIFY_JOB,
      payload: { notificationId: row.id },
      runAt: input.now,
      maxAttempts: input.maxAttempts,
      now: input.now,
    });
    await setNotificationJob(tx, row.id, jobId);
  }
  return added.length;
}

// ---------------------------------------------------------------------------------------------
// Convergence Dialogue Meetings

/** The record as stored, with the meeting's id (the JSON keeps the steps and clinical items). */
export function recordOf(row: CdmMeetingRow): CdmRecord {
  return CdmRecordSchema.parse({ ...(row.record as object), meetingId: row.id });
}

/** What is stored of a record: everything but the id, which is the row's. */
export function storedRecord(record: CdmRecord): Omit<CdmRecord, 'meetingId'> {
  const { meetingId: _id, ...rest } = record;
  return rest;
}

/**
 * The patient's consent from the append-only sharing events: a revocation withdraws every
 * decision before it; decisions after it start a new consent.
 */
export function consentOf(
  events: readonly CdmSharingEventRow[],
  names: ReadonlyMap<string, string> = new Map(),
): Meeting['sharing'] & CdmSharingConsent {
  const lastRevocation = events.reduce<CdmSharingEventRow | null>(
    (latest, event) => (event.kind === 'revocation' ? event : latest),
    null,
  );
  const after =
    lastRevocation === null ? events : events.filter((event) => event.id > lastRevocation.id);
  const decisions = after
    .filter((event) => event.kind === 'decision')
    .map((event) => ({
      itemId: event.itemId ?? '',
      share: event.share === true,
      at: event.at.toISOString(),
      via: viaOf(event),
      recordedBy: event.recordedBy,
      recordedByName: event.recordedBy === null ? null : (names.get(event.recordedBy) ?? null),
    }));
  const revoked = lastRevocation !== null && decisions.length === 0 ? lastRevocation : null;
  return {
    decisions,
    revokedAt: revoked?.at.toISOString() ?? null,
    revokedVia: revoked === null ? null : viaOf(revoked),
  };
}

const viaOf = (event: CdmSharingEventRow): 'staff' | 'patient' =>
  event.patientLinkId === null ? 'staff' : 'patient';

export function linkStatus(row: CdmLinkRow, now: Date): EmployerLink['status'] {
  if (row.revokedAt !== null) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

/** A link of either audience as the API shows it (never its token). */
export function toMeetingLink(row: CdmLinkRow, now: Date): EmployerLink {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastOpenedAt: row.lastOpenedAt?.toISOString() ?? null,
    status: linkStatus(row, now),
  };
}

export function toMeeting(
  row: CdmMeetingRow,
  sharing: readonly CdmSharingEventRow[],
  links: readonly CdmLinkRow[],
  now: Date,
  names: ReadonlyMap<string, string> = new Map(),
): Meeting {
  const record = recordOf(row);
  return {
    id: row.id,
    patientId: row.patientId,
    employerName: row.employerName,
    employeeName: row.employeeName,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    record,
    nextStep: cdmNextStep(record),
    issues: checkCdm(record),
    sharing: consentOf(sharing, names),
    links: links.filter((link) => link.audience === 'employer').map((l) => toMeetingLink(l, now)),
    patientLinks: links
      .filter((link) => link.audience === 'patient')
      .map((l) => toMeetingLink(l, now)),
  };
}

// ---------------------------------------------------------------------------------------------
// The patient's timeline

const byDate = (a: TimelineEvent, b: TimelineEvent) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0);

/**
 * Sick leave joined into spells with RTW and sustained RTW (core's definitions, the site's
 * preset), the checkpoints of the current absence, and every dated event of sick leave,
 * referrals and meetings, oldest first.
 */
export function buildTimeline(input: {
  config: Config;
  today: string;
  periods: readonly SickLeavePeriodRow[];
  inclusionOn: string | null;
  referrals: readonly VocationalReferral[];
  meetings: readonly Meeting[];
}): PatientTimeline {
  const { config, today } = input;
  const parameters = resolveRtwParameters({ preset: config.rtw.preset });
  const periods = activePeriods(input.periods);
  const firstSick = periods.reduce<string | null>(
    (first, period) => (first === null || period.from < first ? period.from : first),
    null,
  );
  const start =
    [input.inclusionOn, firstSick]
      .filter((d): d is string => d !== null)
      .sort()
      .at(0) ?? null;
  const followUp = start === null || start > today ? null : { start, end: today };
  const outcome =
    followUp === null
      ? null
      : computePersonRtw('patient', periods, followUp, {
          gapDays: parameters.gapDays,
          sustainedDays: parameters.sustainedDays,
        });
  const { spell, checkpoints } = checkpointsForPeriods(periods, {
    preset: config.rtw.preset,
    today,
  });

  const events: TimelineEvent[] = [];
  const push = (event: Omit<TimelineEvent, 'upcoming'>) => {
    events.push({ ...event, upcoming: event.on > today });
  };
  for (const period of periods) {
    push({
      on: period.from,
      kind: 'sick_leave_started',
      code: null,
      value: period.degree,
      refId: null,
    });
  }
  for (const s of outcome?.spells ?? []) {
    if (s.to < today) {
      push({ on: s.to, kind: 'sick_leave_ended', code: null, value: s.grossDays, refId: null });
    }
  }
  if (outcome?.rtw) push({ on: outcome.rtw, kind: 'rtw', code: null, value: null, refId: null });
  if (outcome?.sustainedRtw) {
    push({ on: outcome.sustainedRtw, kind: 'sustained_rtw', code: null, value: null, refId: null });
  }
  for (const checkpoint of checkpoints) {
    if (checkpoint.status === 'not_applicable' || checkpoint.status === 'not_reached') continue;
    push({
      on: checkpoint.due,
      kind: 'checkpoint',
      code: checkpoint.code,
      value: null,
      refId: null,
    });
  }
  for (const referral of input.referrals) {
    const state = referral.state;
    push({
      on: state.referredAt.slice(0, 10),
      kind: 'referral',
      code: 'referred',
      value: referral.riskGroup,
      refId: referral.id,
    });
    if (state.acceptedAt !== null) {
      push({
        on: state.acceptedAt.slice(0, 10),
        kind: 'referral',
        code: 'accepted',
        value: null,
        refId: referral.id,
      });
    }
    for (const contact of state.contacts) {
      push({
        on: contact.occurredAt.slice(0, 10),
        kind: 'referral_contact',
        code: contact.mode,
        value: contact.step,
        refId: referral.id,
      });
    }
    if (state.closedAt !== null) {
      push({
        on: state.closedAt.slice(0, 10),
        kind: 'referral_closed',
        code: state.status,
        value: state.outcome,
        refId: referral.id,
      });
    }
  }
  for (const meeting of input.meetings) {
    const { patientClinician, clinicianEmployer, joint } = meeting.record;
    const steps = [
      ['patient_clinician', patientClinician?.heldOn],
      ['clinician_employer', clinicianEmployer?.heldOn],
      ['joint', joint?.heldOn],
    ] as const;
    for (const [code, heldOn] of steps) {
      if (heldOn !== undefined) {
        push({ on: heldOn, kind: 'cdm_step', code, value: null, refId: meeting.id });
      }
    }
    if (joint) {
      push({ on: joint.reviewOn, kind: 'cdm_review', code: null, value: null, refId: meeting.id });
    }
  }
  events.sort(byDate);

  return {
    today,
    preset: config.rtw.preset,
    parameters: { gapDays: parameters.gapDays, sustainedDays: parameters.sustainedDays },
    followUp,
    spells: outcome?.spells ?? [],
    grossDays: outcome?.grossDays ?? 0,
    netDays: outcome?.netDays ?? 0,
    rtw: outcome?.rtw ?? null,
    sustainedRtw: outcome?.sustainedRtw ?? null,
    censored: outcome?.censored ?? false,
    currentAbsence: spell,
    checkpoints: checkpoints.map(toCheckpoint),
    events,
  };
}

/** The patient's meetings with their sharing decisions and links, newest first. */
export async function loadMeetings(
  db: Db,
  rows: readonly CdmMeetingRow[],
  now: Date,
): Promise<Meeting[]> {
  const ids = rows.map((row) => row.id);
  const sharing = await listSharingEvents(db, ids);
  const links = await listMeetingLinks(db, ids);
  const names = await staffNames(
    db,
    sharing.flatMap((event) => (event.recordedBy === null ? [] : [event.recordedBy])),
  );
  return rows.map((row) =>
    toMeeting(
      row,
      sharing.filter((event) => event.meetingId === row.id),
      links.filter((link) => link.meetingId === row.id),
      now,
      names,
    ),
  );
}

/** The e-mail's subject by kind: what happened, never who it happened to. */
const NOTIFICATION_SUBJECTS: Readonly<Record<ReferralNotificationRecord['kind'], string>> = {
  accepted: 'Vocational advice: your referral was accepted',
  step_started: 'Vocational advice: a new step of care has started',
  discharged: 'Vocational advice: care has ended, with the outcome',
  declined: 'Vocational advice: your referral was declined',
  withdrawn: 'Vocational advice: your referral was withdrawn',
};

/**
 * Sends one notification to the referring clinician by e-mail (the job `referral.notify`), once:
 * a notification already sent is left alone. The e-mail says what the service did and links to
 * the patient's page by internal id; it names no patient and quotes no notes.
 */
export async function sendReferralNotification(
  deps: { db: Db; clock: { now(): Date }; config: Config },
  mailer: Mailer,
  notificationId: string,
): Promise<void> {
  const notification = await findNotification(deps.db, notificationId);
  if (notification?.sentAt !== null) return;
  const recipient = await findStaffUserById(deps.db, notification.recipientId);
  if (recipient?.disabledAt !== null) {
    await markNotificationFailed(deps.db, notification.id, deps.clock.now());
    return;
  }
  const link = `${deps.config.publicUrl}/patients/${notification.patientId}`;
  const { providerMessageId } = await mailer.send({
    to: recipient.email,
    subject: NOTIFICATION_SUBJECTS[notification.kind as ReferralNotificationRecord['kind']],
    text:
      `${notification.message}\n\n` +
      `Open the patient's record in workup to see the referral: ${link}\n\n` +
      `You get this message because you made the referral.`,
    messageId: `<referral-notification.${notification.id}@workup.invalid>`,
    patientId: notification.patientId,
    reminderId: null,
  });
  await markNotificationSent(deps.db, {
    id: notification.id,
    providerMessageId,
    now: deps.clock.now(),
  });
}

/**
 * What the patient's approval link shows: every item of the meeting with the decision in force
 * (health items are listed but cannot be shared), and exactly what the employer would see now.
 */
export function sharingPage(
  meeting: CdmMeetingRow,
  events: readonly CdmSharingEventRow[],
  link: CdmLinkRow,
): PatientSharingPage {
  const record = recordOf(meeting);
  const consent = consentOf(events);
  const decided = new Map(consent.decisions.map((decision) => [decision.itemId, decision.share]));
  const items: SharingItem[] = [];
  const add = (
    section: SharingItem['section'],
    list: readonly { id: string; category: string; text: string }[],
  ) => {
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
  const { patientClinician, clinicianEmployer, joint } = record;
  add('obstacles', patientClinician?.obstacles ?? []);
  add('resources', patientClinician?.resources ?? []);
  add('employerView', clinicianEmployer?.employerView ?? []);
  add('possibleAdjustments', clinicianEmployer?.possibleAdjustments ?? []);
  for (const action of joint?.actionPlan ?? []) {
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
  return {
    employerName: meeting.employerName,
    meetingDates: {
      patientClinician: patientClinician?.heldOn ?? null,
      clinicianEmployer: clinicianEmployer?.heldOn ?? null,
      joint: joint?.heldOn ?? null,
    },
    items,
    revokedAt: consent.revokedAt,
    preview: previewEmployerView(record, consent),
    expiresAt: link.expiresAt.toISOString(),
  };
}
