import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../database';
import {
  cdmMeetings,
  cdmSharingEvents,
  cdmLinks,
  patientIdentities,
  referralNotifications,
  responses,
  sickLeavePeriods,
  staffUsers,
  vocationalReferralEvents,
  vocationalReferrals,
} from '../schema';

/*
 * Return to work (issue 7): sick-leave periods, vocational advice referrals with their events and
 * the notifications to the referrer, Convergence Dialogue Meetings with the patient's sharing
 * decisions and the employer's links. The rules are core's; these functions store and fetch.
 */

export type SickLeavePeriodRow = typeof sickLeavePeriods.$inferSelect;
export type VocationalReferralRow = typeof vocationalReferrals.$inferSelect;
export type ReferralEventRow = typeof vocationalReferralEvents.$inferSelect & {
  recordedByName: string;
};
export type ReferralNotificationRow = typeof referralNotifications.$inferSelect;
export type CdmMeetingRow = typeof cdmMeetings.$inferSelect;
export type CdmSharingEventRow = typeof cdmSharingEvents.$inferSelect;
export type CdmLinkRow = typeof cdmLinks.$inferSelect;
export type CdmLinkAudience = 'employer' | 'patient';

// ---------------------------------------------------------------------------------------------
// Sick leave

export async function insertSickLeavePeriod(
  db: Db,
  input: {
    patientId: string;
    fromOn: string;
    toOn: string;
    degree: number;
    source: string;
    recordedBy: string;
    now: Date;
  },
): Promise<SickLeavePeriodRow> {
  const [row] = await db
    .insert(sickLeavePeriods)
    .values({
      patientId: input.patientId,
      fromOn: input.fromOn,
      toOn: input.toOn,
      degree: input.degree,
      source: input.source,
      recordedBy: input.recordedBy,
      createdAt: input.now,
    })
    .returning();
  if (!row) throw new Error('insert into sick_leave_periods returned no row');
  return row;
}

/** Every period of the patient, removed ones too, in date order. */
export async function listSickLeavePeriods(
  db: Db,
  patientId: string,
): Promise<SickLeavePeriodRow[]> {
  return db
    .select()
    .from(sickLeavePeriods)
    .where(eq(sickLeavePeriods.patientId, patientId))
    .orderBy(
      asc(sickLeavePeriods.fromOn),
      asc(sickLeavePeriods.createdAt),
      asc(sickLeavePeriods.id),
    );
}

export async function findSickLeavePeriod(
  db: Db,
  patientId: string,
  periodId: string,
): Promise<SickLeavePeriodRow | null> {
  const [row] = await db
    .select()
    .from(sickLeavePeriods)
    .where(and(eq(sickLeavePeriods.id, periodId), eq(sickLeavePeriods.patientId, patientId)))
    .limit(1);
  return row ?? null;
}

/** Marks a period removed; null when it is not the patient's or was removed already. */
export async function removeSickLeavePeriod(
  db: Db,
  input: { patientId: string; periodId: string; removedBy: string; reason: string; now: Date },
): Promise<SickLeavePeriodRow | null> {
  const [row] = await db
    .update(sickLeavePeriods)
    .set({ removedAt: input.now, removedBy: input.removedBy, removalReason: input.reason })
    .where(
      and(
        eq(sickLeavePeriods.id, input.periodId),
        eq(sickLeavePeriods.patientId, input.patientId),
        isNull(sickLeavePeriods.removedAt),
      ),
    )
    .returning();
  return row ?? null;
}

/** The answers of the patient's latest response to one instrument, or null. */
export async function latestAnswers(
  db: Db,
  patientId: string,
  instrumentId: string,
): Promise<{ answers: Record<string, number | null>; submittedAt: Date } | null> {
  const [row] = await db
    .select({ answers: responses.answers, submittedAt: responses.submittedAt })
    .from(responses)
    .where(and(eq(responses.patientId, patientId), eq(responses.instrumentId, instrumentId)))
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(1);
  return row ?? null;
}

/** Display names of staff members by id. */
export async function staffNames(
  db: Db,
  ids: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, unique));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

// ---------------------------------------------------------------------------------------------
// Vocational advice referrals

export async function insertReferral(
  db: Db,
  input: {
    patientId: string;
    unitId: string;
    referrerId: string;
    question: string;
    riskGroup: string;
    eligibility: unknown;
    timing: unknown;
    overrideReason: string | null;
    now: Date;
  },
): Promise<VocationalReferralRow> {
  const [row] = await db
    .insert(vocationalReferrals)
    .values({
      patientId: input.patientId,
      unitId: input.unitId,
      referrerId: input.referrerId,
      question: input.question,
      riskGroup: input.riskGroup,
      eligibility: input.eligibility,
      timing: input.timing,
      overrideReason: input.overrideReason,
      status: 'referred',
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!row) throw new Error('insert into vocational_referrals returned no row');
  return row;
}

export async function listPatientReferrals(
  db: Db,
  patientId: string,
): Promise<VocationalReferralRow[]> {
  return db
    .select()
    .from(vocationalReferrals)
    .where(eq(vocationalReferrals.patientId, patientId))
    .orderBy(desc(vocationalReferrals.createdAt), desc(vocationalReferrals.id));
}

export async function findReferral(
  db: Db,
  patientId: string,
  referralId: string,
): Promise<VocationalReferralRow | null> {
  const [row] = await db
    .select()
    .from(vocationalReferrals)
    .where(
      and(eq(vocationalReferrals.id, referralId), eq(vocationalReferrals.patientId, patientId)),
    )
    .limit(1);
  return row ?? null;
}

/** Locks the referral's row for the rest of the transaction, so events are added one at a time. */
export async function lockReferral(db: Db, referralId: string): Promise<void> {
  await db
    .select({ id: vocationalReferrals.id })
    .from(vocationalReferrals)
    .where(eq(vocationalReferrals.id, referralId))
    .for('update');
}

/** The referrals of units in the given statuses, with the patient's name, oldest first. */
export async function listReferralQueue(
  db: Db,
  input: { unitIds: readonly string[]; statuses: readonly string[] },
): Promise<(VocationalReferralRow & { givenName: string; familyName: string })[]> {
  if (input.unitIds.length === 0) return [];
  const rows = await db
    .select({
      referral: vocationalReferrals,
      givenName: patientIdentities.givenName,
      familyName: patientIdentities.familyName,
    })
    .from(vocationalReferrals)
    .innerJoin(patientIdentities, eq(patientIdentities.patientId, vocationalReferrals.patientId))
    .where(
      and(
        inArray(vocationalReferrals.unitId, [...input.unitIds]),
        inArray(vocationalReferrals.status, [...input.statuses]),
      ),
    )
    .orderBy(asc(vocationalReferrals.createdAt), asc(vocationalReferrals.id));
  return rows.map((row) => ({
    ...row.referral,
    givenName: row.givenName,
    familyName: row.familyName,
  }));
}

export async function listReferralEvents(
  db: Db,
  referralIds: readonly string[],
): Promise<ReferralEventRow[]> {
  if (referralIds.length === 0) return [];
  const rows = await db
    .select({ event: vocationalReferralEvents, recordedByName: staffUsers.displayName })
    .from(vocationalReferralEvents)
    .innerJoin(staffUsers, eq(staffUsers.id, vocationalReferralEvents.recordedBy))
    .where(inArray(vocationalReferralEvents.referralId, [...referralIds]))
    .orderBy(asc(vocationalReferralEvents.referralId), asc(vocationalReferralEvents.sequence));
  return rows.map((row) => ({ ...row.event, recordedByName: row.recordedByName }));
}

/** Adds an event at `sequence`; false when that number was taken (a concurrent change). */
export async function appendReferralEvent(
  db: Db,
  input: {
    referralId: string;
    sequence: number;
    type: string;
    event: unknown;
    recordedBy: string;
    now: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(vocationalReferralEvents)
    .values({
      referralId: input.referralId,
      sequence: input.sequence,
      type: input.type,
      event: input.event,
      recordedBy: input.recordedBy,
      createdAt: input.now,
    })
    .onConflictDoNothing()
    .returning({ sequence: vocationalReferralEvents.sequence });
  return rows.length === 1;
}

export async function setReferralState(
  db: Db,
  input: { referralId: string; status: string; adviserId: string | null; now: Date },
): Promise<void> {
  await db
    .update(vocationalReferrals)
    .set({ status: input.status, adviserId: input.adviserId, updatedAt: input.now })
    .where(eq(vocationalReferrals.id, input.referralId));
}

/** Adds notifications whose keys are new; returns the rows added. */
export async function insertReferralNotifications(
  db: Db,
  rows: readonly {
    key: string;
    referralId: string;
    patientId: string;
    recipientId: string;
    kind: string;
    message: string;
    now: Date;
  }[],
): Promise<ReferralNotificationRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(referralNotifications)
    .values(
      rows.map((row) => ({
        key: row.key,
        referralId: row.referralId,
        patientId: row.patientId,
        recipientId: row.recipientId,
        kind: row.kind,
        message: row.message,
        createdAt: row.now,
      })),
    )
    .onConflictDoNothing()
    .returning();
}

export async function setNotificationJob(db: Db, id: string, jobId: number): Promise<void> {
  await db.update(referralNotifications).set({ jobId }).where(eq(referralNotifications.id, id));
}

export async function listReferralNotifications(
  db: Db,
  referralIds: readonly string[],
): Promise<ReferralNotificationRow[]> {
  if (referralIds.length === 0) return [];
  return db
    .select()
    .from(referralNotifications)
    .where(inArray(referralNotifications.referralId, [...referralIds]))
    .orderBy(asc(referralNotifications.createdAt), asc(referralNotifications.key));
}

/** A staff member's notifications, newest first. */
export async function listRecipientNotifications(
  db: Db,
  recipientId: string,
  limit = 200,
): Promise<ReferralNotificationRow[]> {
  return db
    .select()
    .from(referralNotifications)
    .where(eq(referralNotifications.recipientId, recipientId))
    .orderBy(desc(referralNotifications.createdAt), desc(referralNotifications.key))
    .limit(limit);
}

export async function findNotification(
  db: Db,
  id: string,
): Promise<ReferralNotificationRow | null> {
  const [row] = await db
    .select()
    .from(referralNotifications)
    .where(eq(referralNotifications.id, id))
    .limit(1);
  return row ?? null;
}

/** Marks the recipient's notification read (the first time only); null when it is not theirs. */
export async function markNotificationRead(
  db: Db,
  input: { id: string; recipientId: string; now: Date },
): Promise<ReferralNotificationRow | null> {
  const [updated] = await db
    .update(referralNotifications)
    .set({ readAt: input.now })
    .where(
      and(
        eq(referralNotifications.id, input.id),
        eq(referralNotifications.recipientId, input.recipientId),
        isNull(referralNotifications.readAt),
      ),
    )
    .returning();
  if (updated) return updated;
  const existing = await findNotification(db, input.id);
  return existing?.recipientId === input.recipientId ? existing : null;
}

export async function markNotificationSent(
  db: Db,
  input: { id: string; providerMessageId: string; now: Date },
): Promise<void> {
  await db
    .update(referralNotifications)
    .set({ sentAt: input.now, providerMessageId: input.providerMessageId, failedAt: null })
    .where(eq(referralNotifications.id, input.id));
}

export async function markNotificationFailed(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(referralNotifications)
    .set({ failedAt: now })
    .where(and(eq(referralNotifications.id, id), isNull(referralNotifications.sentAt)));
}

// ---------------------------------------------------------------------------------------------
// Convergence Dialogue Meetings

export async function insertMeeting(
  db: Db,
  input: {
    patientId: string;
    unitId: string;
    employerName: string;
    employeeName?: string | null;
    record: unknown;
    createdBy: string;
    now: Date;
  },
): Promise<CdmMeetingRow> {
  const [row] = await db
    .insert(cdmMeetings)
    .values({
      patientId: input.patientId,
      unitId: input.unitId,
      employerName: input.employerName,
      employeeName: input.employeeName ?? null,
      record: input.record,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  if (!row) throw new Error('insert into cdm_meetings returned no row');
  return row;
}

export async function listMeetings(db: Db, patientId: string): Promise<CdmMeetingRow[]> {
  return db
    .select()
    .from(cdmMeetings)
    .where(eq(cdmMeetings.patientId, patientId))
    .orderBy(desc(cdmMeetings.createdAt), desc(cdmMeetings.id));
}

/** The meeting if it is the patient's; `forUpdate` locks it for the rest of the transaction. */
export async function findMeeting(
  db: Db,
  patientId: string,
  meetingId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CdmMeetingRow | null> {
  const query = db
    .select()
    .from(cdmMeetings)
    .where(and(eq(cdmMeetings.id, meetingId), eq(cdmMeetings.patientId, patientId)))
    .limit(1);
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row ?? null;
}

export async function findMeetingById(db: Db, meetingId: string): Promise<CdmMeetingRow | null> {
  const [row] = await db.select().from(cdmMeetings).where(eq(cdmMeetings.id, meetingId)).limit(1);
  return row ?? null;
}

export async function updateMeetingRecord(
  db: Db,
  input: { meetingId: string; record: unknown; now: Date },
): Promise<void> {
  await db
    .update(cdmMeetings)
    .set({ record: input.record, updatedAt: input.now })
    .where(eq(cdmMeetings.id, input.meetingId));
}

export async function listSharingEvents(
  db: Db,
  meetingIds: readonly string[],
): Promise<CdmSharingEventRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(cdmSharingEvents)
    .where(inArray(cdmSharingEvents.meetingId, [...meetingIds]))
    .orderBy(asc(cdmSharingEvents.id));
}

export async function appendSharingEvents(
  db: Db,
  rows: readonly {
    meetingId: string;
    kind: 'decision' | 'revocation';
    itemId: string | null;
    share: boolean | null;
    at: Date;
    /** The staff member who recorded it with the patient, or the patient's own link. */
    recordedBy: string | null;
    patientLinkId?: string | null;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(cdmSharingEvents)
    .values(rows.map((row) => ({ ...row, patientLinkId: row.patientLinkId ?? null })));
}

export async function insertMeetingLink(
  db: Db,
  input: {
    meetingId: string;
    patientId: string;
    audience: CdmLinkAudience;
    tokenHash: string;
    createdBy: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<CdmLinkRow> {
  const [row] = await db
    .insert(cdmLinks)
    .values({
      meetingId: input.meetingId,
      patientId: input.patientId,
      audience: input.audience,
      tokenHash: input.tokenHash,
      createdBy: input.createdBy,
      createdAt: input.now,
      expiresAt: input.expiresAt,
    })
    .returning();
  if (!row) throw new Error('insert into cdm_links returned no row');
  return row;
}

/** The links of the meetings, both audiences, oldest first. */
export async function listMeetingLinks(
  db: Db,
  meetingIds: readonly string[],
): Promise<CdmLinkRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(cdmLinks)
    .where(inArray(cdmLinks.meetingId, [...meetingIds]))
    .orderBy(asc(cdmLinks.createdAt), asc(cdmLinks.id));
}

/** The link with this token hash if it is for `audience`; null otherwise. */
export async function findMeetingLinkByTokenHash(
  db: Db,
  tokenHash: string,
  audience: CdmLinkAudience,
): Promise<CdmLinkRow | null> {
  const [row] = await db
    .select()
    .from(cdmLinks)
    .where(and(eq(cdmLinks.tokenHash, tokenHash), eq(cdmLinks.audience, audience)))
    .limit(1);
  return row ?? null;
}

/** Revokes a link of the meeting; null when it is not the meeting's or was revoked already. */
export async function revokeMeetingLink(
  db: Db,
  input: {
    meetingId: string;
    linkId: string;
    audience: CdmLinkAudience;
    revokedBy: string;
    now: Date;
  },
): Promise<CdmLinkRow | null> {
  const [row] = await db
    .update(cdmLinks)
    .set({ revokedAt: input.now, revokedBy: input.revokedBy })
    .where(
      and(
        eq(cdmLinks.id, input.linkId),
        eq(cdmLinks.meetingId, input.meetingId),
        eq(cdmLinks.audience, input.audience),
        isNull(cdmLinks.revokedAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function touchMeetingLink(db: Db, linkId: string, now: Date): Promise<void> {
  await db.update(cdmLinks).set({ lastOpenedAt: now }).where(eq(cdmLinks.id, linkId));
}
