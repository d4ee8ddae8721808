import type { FastifyRequest } from 'fastify';
import { cdmItemIds } from '@workup/core';
import {
  appendSharingEvents,
  findMeetingLinkByTokenHash,
  listSharingEvents,
  type CdmLinkAudience,
  type CdmLinkRow,
  type CdmMeetingRow,
  type Db,
  type DbTransaction,
} from '@workup/db';
import { AppError } from '../errors';
import { audit, auditAlone } from './audit';
import type { Clock } from './clock';
import { consentOf, linkStatus, recordOf } from './rtw';
import { hashToken } from './tokens';

/**
 * The patient's sharing decisions on a meeting, whoever records them (a staff member with the
 * patient, or the patient on their own link), and the meeting links that authenticate by a
 * Bearer token (the employer's and the patient's).
 */

/** Who records: a staff member, or the patient's own link. */
export type SharingAuthor = { recordedBy: string } | { patientLinkId: string };

const authorFields = (by: SharingAuthor) =>
  'recordedBy' in by
    ? { recordedBy: by.recordedBy, patientLinkId: null }
    : { recordedBy: null, patientLinkId: by.patientLinkId };

/**
 * Records the decisions, item by item (the latest per item counts), and audits them; 422 with
 * the path of each decision about an item the meeting does not have.
 */
export async function recordSharingDecisions(
  tx: DbTransaction,
  clock: Clock,
  request: FastifyRequest,
  input: {
    meeting: CdmMeetingRow;
    decisions: readonly { itemId: string; share: boolean }[];
    by: SharingAuthor;
    actor?: { actorType: 'patient_link'; actorId: string };
  },
): Promise<void> {
  const known = new Set(cdmItemIds(recordOf(input.meeting)).map((item) => item.id));
  const errors = input.decisions.flatMap((decision, index) =>
    known.has(decision.itemId)
      ? []
      : [{ path: ['decisions', index, 'itemId'], message: 'not an item of this meeting' }],
  );
  if (errors.length > 0) {
    throw new AppError({
      code: 'validation_failed',
      status: 422,
      detail: 'Some decisions are about items this meeting does not have.',
      errors,
    });
  }
  const at = clock.now();
  await appendSharingEvents(
    tx,
    input.decisions.map((decision) => ({
      meetingId: input.meeting.id,
      kind: 'decision' as const,
      itemId: decision.itemId,
      share: decision.share,
      at,
      ...authorFields(input.by),
    })),
  );
  await audit(tx, clock, request, {
    ...(input.actor === undefined ? {} : { actor: input.actor }),
    action: 'cdm_sharing.create',
    outcome: 'success',
    patientId: input.meeting.patientId,
    subjectType: 'cdm_meeting',
    subjectId: input.meeting.id,
    detail: {
      shared: input.decisions.filter((decision) => decision.share).length,
      withheld: input.decisions.filter((decision) => !decision.share).length,
    },
  });
}

/** Withdraws every decision in force (the employer then sees dates only); 409 when none is. */
export async function withdrawSharing(
  tx: DbTransaction,
  clock: Clock,
  request: FastifyRequest,
  input: {
    meeting: CdmMeetingRow;
    by: SharingAuthor;
    actor?: { actorType: 'patient_link'; actorId: string };
  },
): Promise<void> {
  if (consentOf(await listSharingEvents(tx, [input.meeting.id])).decisions.length === 0) {
    throw new AppError({
      code: 'nothing_to_revoke',
      status: 409,
      detail: 'Nothing is shared with the employer, so there is nothing to withdraw.',
    });
  }
  await appendSharingEvents(tx, [
    {
      meetingId: input.meeting.id,
      kind: 'revocation',
      itemId: null,
      share: null,
      at: clock.now(),
      ...authorFields(input.by),
    },
  ]);
  await audit(tx, clock, request, {
    ...(input.actor === undefined ? {} : { actor: input.actor }),
    action: 'cdm_sharing.revoke',
    outcome: 'success',
    patientId: input.meeting.patientId,
    subjectType: 'cdm_meeting',
    subjectId: input.meeting.id,
  });
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

const WHO_TO_ASK: Readonly<Record<CdmLinkAudience, string>> = {
  employer: 'the care team',
  patient: 'your clinician',
};

/**
 * The active meeting link of `audience` whose token the request carries as a Bearer header.
 * Otherwise 401 `invalid_link` (none, unknown, another audience's, revoked) or 410
 * `link_expired`; a refused link that exists is audited as denied, with its patient.
 */
export async function meetingLinkOf(
  db: Db,
  clock: Clock,
  request: FastifyRequest,
  input: { audience: CdmLinkAudience; action: string },
): Promise<CdmLinkRow> {
  const ask = WHO_TO_ASK[input.audience];
  const invalid = () =>
    new AppError({
      code: 'invalid_link',
      status: 401,
      detail: `This link is not valid. Ask ${ask} for a new one.`,
    });
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match?.[1]) throw invalid();
  const link = await findMeetingLinkByTokenHash(db, hashToken(match[1]), input.audience);
  if (!link) throw invalid();
  const status = linkStatus(link, clock.now());
  if (status === 'active') return link;
  await auditAlone(db, clock, request, {
    actor: {
      actorType: input.audience === 'employer' ? 'employer_link' : 'patient_link',
      actorId: link.id,
    },
    action: input.action,
    outcome: 'denied',
    patientId: link.patientId,
    subjectType: 'cdm_link',
    subjectId: link.id,
    detail: { status },
  });
  if (status === 'revoked') throw invalid();
  throw new AppError({
    code: 'link_expired',
    status: 410,
    detail: `This link has expired. Ask ${ask} for a new one.`,
  });
}
