import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  type AnyPgColumn,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A calendar date as `YYYY-MM-DD`, never shifted by a time zone. */
const day = (name: string) => date(name, { mode: 'string' });

/** A care organisation (a region, an occupational health provider); it owns units. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** Care centres; the clusters of a trial. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /**
     * The unit's lead: red-flag tasks not acknowledged by their deadline escalate to them.
     * Null when the unit has none named (escalated tasks then show to every clinician).
     */
    leadStaffId: uuid('lead_staff_id').references((): AnyPgColumn => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [index('units_organisation_idx').on(table.organisationId)],
);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Stored lowercase; sign-in compares lowercase. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    /** scrypt hash string with its parameters (`scrypt$ln=17,r=8,p=1$salt$hash`). */
    passwordHash: text('password_hash').notNull(),
    /** The TOTP secret, AES-256-GCM encrypted (`v1.iv.tag.ciphertext`); null without TOTP. */
    totpSecret: text('totp_secret'),
    /** A secret handed out by enrolment and not yet confirmed with a code. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: at('totp_enabled_at'),
    /** The last accepted 30-second time step, so a code is accepted only once (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** A disabled account cannot sign in; staff are never deleted (the audit trail names them). */
    disabledAt: at('disabled_at'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('staff_users_email_unique').on(table.email),
    check(
      'staff_users_role_check',
      sql`${table.role} in ('clinician', 'vocational_adviser', 'researcher', 'admin')`,
    ),
  ],
);

/** Further units a staff member works in, besides their home unit (`staff_users.unit_id`). */
export const staffUnitMemberships = pgTable(
  'staff_unit_memberships',
  {
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (table) => [
    primaryKey({ columns: [table.staffUserId, table.unitId] }),
    index('staff_unit_memberships_unit_idx').on(table.unitId),
  ],
);

/** Server-side staff sessions; only a SHA-256 hash of the cookie's token is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The site requires TOTP and this user has none yet: the session may only enrol. */
    totpEnrolmentRequired: boolean('totp_enrolment_required').notNull().default(false),
  },
  (table) => [index('staff_sessions_user_idx').on(table.userId)],
);

/** Clinical side of a patient: no name or other identifier here (see patient_identities). */
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    birthYear: integer('birth_year'),
    /** The pseudonym researchers see instead of any identifier; random, never derived. */
    researchId: uuid('research_id').notNull().defaultRandom(),
    createdAt: createdAt(),
  },
  (table) => [
    index('patients_unit_idx').on(table.unitId),
    uniqueIndex('patients_research_id_unique').on(table.researchId),
  ],
);

/**
 * Identity kept apart from clinical data, so research extracts never need to touch it: name,
 * national identity number with its system, and contact details.
 */
export const patientIdentities = pgTable(
  'patient_identities',
  {
    patientId: uuid('patient_id')
      .primaryKey()
      .references(() => patients.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    nationalIdSystem: text('national_id_system'),
    nationalId: text('national_id'),
    phone: text('phone'),
    email: text('email'),
  },
  (table) => [
    check(
      'patient_identities_national_id_check',
      sql`(${table.nationalId} is null) = (${table.nationalIdSystem} is null)`,
    ),
  ],
);

/** An episode of care: one problem, from the first contact until it is closed. */
export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    bodyRegion: text('body_region').notNull(),
    /** When the pain began, as the patient tells it; null when not known. */
    onsetOn: day('onset_on'),
    startedOn: day('started_on').notNull(),
    endedOn: day('ended_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('episodes_patient_idx').on(table.patientId),
    check(
      'episodes_body_region_check',
      sql`${table.bodyRegion} in ('low_back', 'neck', 'thoracic_back', 'shoulder', 'hip', 'knee', 'multisite', 'other')`,
    ),
    check(
      'episodes_dates_check',
      sql`${table.endedOn} is null or ${table.endedOn} >= ${table.startedOn}`,
    ),
  ],
);

/** Diagnosis codes of an episode with their code system; `position` 0 is the main one. */
export const episodeDiagnoses = pgTable(
  'episode_diagnoses',
  {
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    codeSystem: text('code_system').notNull(),
    code: text('code').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.episodeId, table.codeSystem, table.code] }),
    check('episode_diagnoses_code_system_check', sql`${table.codeSystem} in ('icd10', 'icpc2')`),
  ],
);

/**
 * A questionnaire link sent to a patient: an ordered set of instruments answered in one go (a
 * baseline: sbt, ompsq10, odi...; or one instrument). `instrument_id` is the first of them. The
 * link's token is stored only as a SHA-256 hash.
 */
export const questionnaireAssignments = pgTable(
  'questionnaire_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrumentId: text('instrument_id').notNull(),
    /** Every instrument of the link, in the order the patient answers them. */
    instrumentIds: text('instrument_ids').array().notNull(),
    episodeId: uuid('episode_id').references(() => episodes.id),
    /** When in the follow-up this questionnaire belongs, e.g. `baseline`, `month_3`. */
    timepoint: text('timepoint'),
    dueOn: day('due_on'),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('questionnaire_assignments_token_unique').on(table.tokenHash),
    index('questionnaire_assignments_patient_idx').on(table.patientId),
    check(
      'questionnaire_assignments_instruments_check',
      sql`cardinality(${table.instrumentIds}) >= 1 and ${table.instrumentIds}[1] = ${table.instrumentId}`,
    ),
  ],
);

/**
 * Answers saved part-way through a link's questionnaires, so the patient can resume later:
 * by instrument, then by item (`{"sbt": {"1": 1}, "odi": {...}}`).
 */
export const responseDrafts = pgTable('response_drafts', {
  assignmentId: uuid('assignment_id')
    .primaryKey()
    .references(() => questionnaireAssignments.id),
  answers: jsonb('answers').$type<Record<string, Record<string, number | null>>>().notNull(),
  startedAt: at('started_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** A submitted response to one instrument of a link: the answers as codes, exactly as given. */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => questionnaireAssignments.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrumentId: text('instrument_id').notNull(),
    instrumentVersion: text('instrument_version').notNull(),
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
    complete: boolean('complete').notNull(),
    /** When the patient first saved answers (a draft); null when sent in one go. */
    startedAt: at('started_at'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('responses_assignment_instrument_unique').on(
      table.assignmentId,
      table.instrumentId,
    ),
    index('responses_patient_idx').on(table.patientId),
  ],
);

/** Scores computed by core for a response, `null` when the missing-data rule did not allow it. */
export const scores = pgTable('scores', {
  responseId: uuid('response_id')
    .primaryKey()
    .references(() => responses.id),
  instrumentId: text('instrument_id').notNull(),
  scores: jsonb('scores').$type<Record<string, unknown>>(),
  reason: text('reason'),
  computedAt: timestamp('computed_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * The first answer to a submission sent with an `Idempotency-Key`: a replay with the same body
 * gets the same status and body back; the same key with another body is refused.
 */
export const submissionKeys = pgTable(
  'submission_keys',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => questionnaireAssignments.id),
    key: text('key').notNull(),
    /** SHA-256 of the request body's canonical JSON. */
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.assignmentId, table.key] })],
);

/**
 * A plan as triage proposed it: the pathway that made it (id, version and content hash), the
 * whole triage output as JSON, and its urgency. Flags and components are also stored as rows
 * (below) so they can be queried and decided on. A plan made when a patient sent a link's
 * questionnaires names that link (`assignment_id`) and no staff member (`created_by` null).
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id').references(() => episodes.id),
    pathwayId: text('pathway_id').notNull(),
    pathwayVersion: text('pathway_version').notNull(),
    pathwayHash: text('pathway_hash').notNull(),
    urgency: text('urgency').notNull(),
    triage: jsonb('triage').$type<unknown>().notNull(),
    assignmentId: uuid('assignment_id').references(() => questionnaireAssignments.id),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('plans_patient_idx').on(table.patientId),
    uniqueIndex('plans_assignment_unique').on(table.assignmentId),
    check(
      'plans_author_check',
      sql`${table.createdBy} is not null or ${table.assignmentId} is not null`,
    ),
    check(
      'plans_urgency_check',
      sql`${table.urgency} in ('emergency', 'urgent', 'soon', 'routine', 'none')`,
    ),
  ],
);

/** The flag profile of a plan: each flag raised, by colour and code. */
export const planFlags = pgTable(
  'plan_flags',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    colour: text('colour').notNull(),
    code: text('code').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.planId, table.colour, table.code] }),
    check(
      'plan_flags_colour_check',
      sql`${table.colour} in ('red', 'yellow', 'blue', 'black', 'orange')`,
    ),
  ],
);

/**
 * A component of a plan and the clinician's decision on it: accepted, changed or declined (a
 * reason is required for the last two), and the day it was delivered.
 */
export const planComponents = pgTable(
  'plan_components',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    decision: text('decision'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => staffUsers.id),
    decidedAt: at('decided_at'),
    deliveredOn: day('delivered_on'),
  },
  (table) => [
    primaryKey({ columns: [table.planId, table.code] }),
    check(
      'plan_components_status_check',
      sql`${table.status} in ('proposed', 'waiting_for_clinician')`,
    ),
    check(
      'plan_components_decision_check',
      sql`${table.decision} is null or ${table.decision} in ('accepted', 'changed', 'declined')`,
    ),
    check(
      'plan_components_reason_check',
      sql`${table.decision} is null or ${table.decision} = 'accepted' or ${table.reason} is not null`,
    ),
    check(
      'plan_components_delivered_check',
      sql`${table.deliveredOn} is null or ${table.decision} in ('accepted', 'changed')`,
    ),
  ],
);

/** The treatment protocol: each measure given, with its plan component code (contracts.md §3a). */
export const protocolEntries = pgTable(
  'protocol_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    episodeId: uuid('episode_id').references(() => episodes.id),
    planId: uuid('plan_id').references(() => plans.id),
    interventionCode: text('intervention_code').notNull(),
    performedOn: day('performed_on').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => staffUsers.id),
    durationMinutes: integer('duration_minutes'),
    notes: text('notes'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('protocol_entries_patient_idx').on(table.patientId),
    check(
      'protocol_entries_duration_check',
      sql`${table.durationMinutes} is null or ${table.durationMinutes} > 0`,
    ),
  ],
);

/**
 * A red flag that needs a clinician: opened with a plan whose urgency is emergency or urgent,
 * due by a deadline from that urgency (emergency: the same day; urgent: 24 hours), acknowledged
 * by a clinician, escalated to the unit's lead when not acknowledged by the deadline, and
 * closed only with an outcome (referred, ruled out). Each step is also an audit event.
 */
export const redFlagTasks = pgTable(
  'red_flag_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** The patient's unit when the task opened: whose lead it escalates to. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    urgency: text('urgency').notNull(),
    /** The red flag codes of the plan (`cauda_equina`, `malignancy`...). */
    flags: jsonb('flags').$type<string[]>().notNull(),
    openedAt: at('opened_at').notNull(),
    dueAt: at('due_at').notNull(),
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by').references(() => staffUsers.id),
    /** Set when a read first finds the deadline passed unacknowledged; the lead at that time. */
    escalatedAt: at('escalated_at'),
    escalatedTo: uuid('escalated_to').references(() => staffUsers.id),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by').references(() => staffUsers.id),
    outcome: text('outcome'),
    note: text('note'),
  },
  (table) => [
    uniqueIndex('red_flag_tasks_plan_unique').on(table.planId),
    index('red_flag_tasks_patient_idx').on(table.patientId),
    index('red_flag_tasks_open_idx')
      .on(table.unitId, table.dueAt)
      .where(sql`${table.closedAt} is null`),
    check('red_flag_tasks_urgency_check', sql`${table.urgency} in ('emergency', 'urgent')`),
    check(
      'red_flag_tasks_outcome_check',
      sql`${table.outcome} is null or ${table.outcome} in ('referred', 'ruled_out')`,
    ),
    check(
      'red_flag_tasks_acknowledged_check',
      sql`(${table.acknowledgedAt} is null) = (${table.acknowledgedBy} is null)`,
    ),
    check(
      'red_flag_tasks_closed_check',
      sql`(${table.closedAt} is null) = (${table.outcome} is null) and (${table.closedAt} is null) = (${table.closedBy} is null) and (${table.closedAt} is null or ${table.acknowledgedAt} is not null)`,
    ),
    check(
      'red_flag_tasks_escalated_check',
      sql`${table.escalatedTo} is null or ${table.escalatedAt} is not null`,
    ),
  ],
);

/**
 * Consents: to care, to research use of pseudonymised data, to sharing with the employer. A
 * consent is revoked by setting `revoked_at`; at most one of each kind is active at a time.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    kind: text('kind').notNull(),
    givenAt: at('given_at').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staffUsers.id),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [
    index('consents_patient_idx').on(table.patientId),
    uniqueIndex('consents_active_unique')
      .on(table.patientId, table.kind)
      .where(sql`${table.revokedAt} is null`),
    check('consents_kind_check', sql`${table.kind} in ('care', 'research', 'employer_sharing')`),
    check(
      'consents_revoked_check',
      sql`(${table.revokedAt} is null) = (${table.revokedBy} is null)`,
    ),
  ],
);

/**
 * Every read or write of patient data, and every sign-in. No names, tokens or other
 * identifiers in `detail`; `patient_id` is the internal id. Append-only: a trigger refuses
 * UPDATE, DELETE and TRUNCATE, and the migrating role loses those privileges (migration 0001).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    patientId: uuid('patient_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    requestId: text('request_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (table) => [
    index('audit_events_patient_idx').on(table.patientId),
    index('audit_events_at_idx').on(table.at),
    check(
      'audit_events_actor_type_check',
      sql`${table.actorType} in ('staff', 'patient_link', 'employer_link', 'system')`,
    ),
    check('audit_events_outcome_check', sql`${table.outcome} in ('success', 'denied', 'failure')`),
  ],
);

/**
 * A follow-up schedule of a unit (or a study): timepoints relative to the inclusion date with
 * their windows, series such as a weekly question, and the reminder policy. The definition is
 * JSON parsed with `ScheduleDefinitionSchema` (contracts) on every read; `version` counts changes.
 */
export const followupSchedules = pgTable(
  'followup_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** A study code when the schedule is a study's (`workup`, `finnish_ohs`); informational. */
    study: text('study'),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [index('followup_schedules_unit_idx').on(table.unitId)],
);

/** A patient following a schedule from an inclusion date, until withdrawn. */
export const followupEnrolments = pgTable(
  'followup_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => followupSchedules.id),
    episodeId: uuid('episode_id').references(() => episodes.id),
    inclusionOn: day('inclusion_on').notNull(),
    /** The schedule's version the assignments were last laid out from. */
    scheduleVersion: integer('schedule_version').notNull(),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => staffUsers.id),
    withdrawalReason: text('withdrawal_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('followup_enrolments_active_unique')
      .on(table.patientId, table.scheduleId)
      .where(sql`${table.withdrawnAt} is null`),
    index('followup_enrolments_schedule_idx').on(table.scheduleId),
    check(
      'followup_enrolments_withdrawal_check',
      sql`(${table.withdrawnAt} is null) = (${table.withdrawalReason} is null)`,
    ),
    check(
      'followup_enrolments_reason_check',
      sql`${table.withdrawalReason} is null or ${table.withdrawalReason} in ('patient_request', 'clinician_decision', 'other')`,
    ),
  ],
);

/**
 * One timepoint of an enrolment: its window as dates and as instants in the schedule's zone, the
 * questionnaire link issued when the window opened, and when it was answered. A trigger on
 * `questionnaire_assignments` (migration 0003) sets `completed_at` and the response delay in
 * the same transaction as the submission that completes the link.
 */
export const followupAssignments = pgTable(
  'followup_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => followupEnrolments.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    timepoint: text('timepoint').notNull(),
    instrumentIds: text('instrument_ids').array().notNull(),
    /** Days from inclusion to the target date; orders timepoints on the dashboard. */
    targetDay: integer('target_day').notNull(),
    targetOn: day('target_on').notNull(),
    opensOn: day('opens_on').notNull(),
    dueOn: day('due_on').notNull(),
    closesOn: day('closes_on').notNull(),
    opensAt: at('opens_at').notNull(),
    overdueAt: at('overdue_at').notNull(),
    closesAt: at('closes_at').notNull(),
    /** The link issued when the window opened; null while pending. */
    questionnaireAssignmentId: uuid('questionnaire_assignment_id').references(
      () => questionnaireAssignments.id,
    ),
    openedAt: at('opened_at'),
    completedAt: at('completed_at'),
    /** Whole seconds from `opened_at` to the submission that completed the link. */
    responseDelaySeconds: integer('response_delay_seconds'),
    cancelledAt: at('cancelled_at'),
    /** The job that opens the window (jobs.id). */
    openJobId: bigint('open_job_id', { mode: 'number' }),
  },
  (table) => [
    uniqueIndex('followup_assignments_timepoint_unique').on(table.enrolmentId, table.timepoint),
    uniqueIndex('followup_assignments_link_unique').on(table.questionnaireAssignmentId),
    index('followup_assignments_patient_idx').on(table.patientId),
    check(
      'followup_assignments_dates_check',
      sql`${table.opensOn} <= ${table.dueOn} and ${table.dueOn} <= ${table.closesOn}`,
    ),
    check(
      'followup_assignments_opened_check',
      sql`(${table.openedAt} is null) = (${table.questionnaireAssignmentId} is null)`,
    ),
  ],
);

/**
 * A reminder of a follow-up assignment: its number, when it is due to go out, and what became
 * of it. The words and the link are rendered when it is sent, never stored here.
 */
export const followupReminders = pgTable(
  'followup_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => followupAssignments.id),
    sequence: integer('sequence').notNull(),
    sendAt: at('send_at').notNull(),
    status: text('status').notNull(),
    /** Why it was skipped or cancelled: `not_open`, `no_contact`, `rescheduled`, `withdrawn`... */
    reason: text('reason'),
    channel: text('channel'),
    sentAt: at('sent_at'),
    /** The transport's id of the message (SMTP Message-ID, SMS provider id, outbox id). */
    providerMessageId: text('provider_message_id'),
    jobId: bigint('job_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('followup_reminders_assignment_idx').on(table.assignmentId),
    uniqueIndex('followup_reminders_pending_unique')
      .on(table.assignmentId, table.sequence)
      .where(sql`${table.status} in ('pending', 'sent')`),
    check(
      'followup_reminders_status_check',
      sql`${table.status} in ('pending', 'sent', 'skipped', 'failed', 'cancelled')`,
    ),
    check(
      'followup_reminders_channel_check',
      sql`${table.channel} is null or ${table.channel} in ('email', 'sms')`,
    ),
    check(
      'followup_reminders_sent_check',
      sql`(${table.status} = 'sent') = (${table.sentAt} is not null)`,
    ),
  ],
);

/**
 * Durable background jobs, claimed with `FOR UPDATE SKIP LOCKED` so that several app instances
 * on one PostgreSQL never run the same job at once. A claim holds a lease: a job whose worker
 * died is claimed again once its lease has run out. Failures are retried with backoff and the
 * job is marked `failed` when it gives up. Enqueued in the transaction of the change behind it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: at('run_at').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lockedBy: text('locked_by'),
    leaseUntil: at('lease_until'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (table) => [
    index('jobs_due_idx')
      .on(table.runAt)
      .where(sql`${table.status} = 'pending'`),
    index('jobs_lease_idx')
      .on(table.leaseUntil)
      .where(sql`${table.status} = 'running'`),
    check(
      'jobs_status_check',
      sql`${table.status} in ('pending', 'running', 'done', 'failed', 'cancelled')`,
    ),
    check('jobs_attempts_check', sql`${table.attempts} >= 0 and ${table.maxAttempts} >= 1`),
  ],
);

/**
 * Messages kept by the outbox transport (development and tests) instead of being sent: what a
 * patient would have received, for staff to read. Real transports never write here.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id').references(() => patients.id),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** The reminder it was sent for; every send is kept, so a duplicate would show. */
    reminderId: uuid('reminder_id'),
    createdAt: createdAt(),
  },
  (table) => [
    index('outbox_messages_reminder_idx').on(table.reminderId),
    index('outbox_messages_patient_idx').on(table.patientId),
    check('outbox_messages_channel_check', sql`${table.channel} in ('email', 'sms')`),
  ],
);

/**
 * Settings the app keeps for itself, such as the key that derives follow-up link tokens when
 * `FOLLOWUP_LINK_KEY` is not set (see docs/followup.md).
 */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/**
 * A period of sick leave of a patient (issue 7): inclusive dates, degree in percent of full
 * time, and where it comes from. A period entered by mistake is removed (with the reason), never
 * deleted, so what an outcome was computed from stays on record.
 */
export const sickLeavePeriods = pgTable(
  'sick_leave_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    fromOn: day('from_on').notNull(),
    toOn: day('to_on').notNull(),
    degree: numeric('degree', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    source: text('source').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    removedAt: at('removed_at'),
    removedBy: uuid('removed_by').references(() => staffUsers.id),
    removalReason: text('removal_reason'),
  },
  (table) => [
    index('sick_leave_periods_patient_idx').on(table.patientId),
    check('sick_leave_periods_dates_check', sql`${table.fromOn} <= ${table.toOn}`),
    check('sick_leave_periods_degree_check', sql`${table.degree} > 0 and ${table.degree} <= 100`),
    check(
      'sick_leave_periods_source_check',
      sql`${table.source} in ('certificate', 'self_report', 'register')`,
    ),
    check(
      'sick_leave_periods_removal_check',
      sql`(${table.removedAt} is null) = (${table.removedBy} is null) and (${table.removedAt} is null) = (${table.removalReason} is null)`,
    ),
  ],
);

/**
 * A referral to vocational advice (SWAP, MI-NAV). Its history is `vocational_referral_events`,
 * folded by core; `status` and `adviser_id` repeat the fold's result so that the adviser's
 * inbox and caseload are one indexed query. The eligibility check and timing hint are kept as
 * they stood at referral.
 */
export const vocationalReferrals = pgTable(
  'vocational_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    referrerId: uuid('referrer_id')
      .notNull()
      .references(() => staffUsers.id),
    question: text('question').notNull(),
    riskGroup: text('risk_group').notNull(),
    eligibility: jsonb('eligibility').$type<unknown>().notNull(),
    timing: jsonb('timing').$type<unknown>().notNull(),
    overrideReason: text('override_reason'),
    status: text('status').notNull(),
    adviserId: uuid('adviser_id').references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [
    index('vocational_referrals_patient_idx').on(table.patientId),
    index('vocational_referrals_unit_status_idx').on(table.unitId, table.status),
    check('vocational_referrals_risk_check', sql`${table.riskGroup} in ('low', 'medium', 'high')`),
    check(
      'vocational_referrals_status_check',
      sql`${table.status} in ('referred', 'accepted', 'in_progress', 'discharged', 'declined', 'withdrawn')`,
    ),
  ],
);

/** The events of a referral, numbered from 1; a sequence taken twice means a concurrent change. */
export const vocationalReferralEvents = pgTable(
  'vocational_referral_events',
  {
    referralId: uuid('referral_id')
      .notNull()
      .references(() => vocationalReferrals.id),
    sequence: integer('sequence').notNull(),
    type: text('type').notNull(),
    event: jsonb('event').$type<unknown>().notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.referralId, table.sequence] })],
);

/**
 * A notification to the referring clinician (the closed feedback loop), keyed by core's stable
 * key so that each is made and e-mailed once. The e-mail goes out through a job; `sent_at` says
 * it left, `failed_at` that the job gave up. `read_at` is the referrer's own.
 */
export const referralNotifications = pgTable(
  'referral_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => vocationalReferrals.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => staffUsers.id),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    createdAt: createdAt(),
    jobId: bigint('job_id', { mode: 'number' }),
    sentAt: at('sent_at'),
    providerMessageId: text('provider_message_id'),
    failedAt: at('failed_at'),
    readAt: at('read_at'),
  },
  (table) => [
    uniqueIndex('referral_notifications_key_unique').on(table.key),
    index('referral_notifications_recipient_idx').on(table.recipientId, table.createdAt),
    index('referral_notifications_referral_idx').on(table.referralId),
    check(
      'referral_notifications_kind_check',
      sql`${table.kind} in ('accepted', 'step_started', 'discharged', 'declined', 'withdrawn')`,
    ),
  ],
);

/**
 * A Convergence Dialogue Meeting: the three steps as core's `CdmRecord` (JSON, parsed with the
 * contract's schema on every read) and the workplace's name. The patient's sharing decisions are
 * `cdm_sharing_events`; the employer's links are `employer_links`.
 */
export const cdmMeetings = pgTable(
  'cdm_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    employerName: text('employer_name').notNull(),
    /** How the employer knows the employee, shown on the employer's page; null: not given. */
    employeeName: text('employee_name'),
    record: jsonb('record').$type<unknown>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull(),
  },
  (table) => [index('cdm_meetings_patient_idx').on(table.patientId)],
);

/**
 * A link to one meeting, by `audience`: the employer's (`/e#<token>`: the meeting as the patient
 * agreed to share it) or the patient's own (`/a#<token>`: to choose what the employer sees). Only
 * the token's SHA-256 is kept; a link reaches nothing else.
 */
export const cdmLinks = pgTable(
  'cdm_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => cdmMeetings.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    audience: text('audience').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => staffUsers.id),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => staffUsers.id),
    lastOpenedAt: at('last_opened_at'),
  },
  (table) => [
    uniqueIndex('cdm_links_token_unique').on(table.tokenHash),
    index('cdm_links_meeting_idx').on(table.meetingId),
    check('cdm_links_audience_check', sql`${table.audience} in ('employer', 'patient')`),
    check(
      'cdm_links_revoked_check',
      sql`(${table.revokedAt} is null) = (${table.revokedBy} is null)`,
    ),
  ],
);

/**
 * The patient's consent to share a meeting with the employer, append-only: a decision on one
 * item, or a revocation of all of them. The latest decision per item counts; a revocation
 * withdraws every decision before it. Recorded by a staff member with the patient
 * (`recorded_by`), or by the patient on their own approval link (`patient_link_id`).
 */
export const cdmSharingEvents = pgTable(
  'cdm_sharing_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => cdmMeetings.id),
    kind: text('kind').notNull(),
    itemId: text('item_id'),
    share: boolean('share'),
    at: at('at').notNull(),
    recordedBy: uuid('recorded_by').references(() => staffUsers.id),
    patientLinkId: uuid('patient_link_id').references(() => cdmLinks.id),
  },
  (table) => [
    index('cdm_sharing_events_meeting_idx').on(table.meetingId),
    check(
      'cdm_sharing_events_kind_check',
      sql`(${table.kind} = 'decision' and ${table.itemId} is not null and ${table.share} is not null) or (${table.kind} = 'revocation' and ${table.itemId} is null and ${table.share} is null)`,
    ),
    check(
      'cdm_sharing_events_by_check',
      sql`(${table.recordedBy} is null) <> (${table.patientLinkId} is null)`,
    ),
  ],
);
