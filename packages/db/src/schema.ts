import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();

/** Care centres; the clusters of a trial. */
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

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
    createdAt: createdAt(),
  },
  (table) => [index('patients_unit_idx').on(table.unitId)],
);

/** Identity kept apart from clinical data, so research extracts never need to touch it. */
export const patientIdentities = pgTable('patient_identities', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => patients.id),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
});

/** A questionnaire sent to a patient; the link's token is stored only as a SHA-256 hash. */
export const questionnaireAssignments = pgTable(
  'questionnaire_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    instrumentId: text('instrument_id').notNull(),
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
  ],
);

/** A submitted response: the answers as codes, exactly as given. */
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
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    uniqueIndex('responses_assignment_unique').on(table.assignmentId),
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
 * Every read or write of patient data, and every sign-in. No names, tokens or other
 * identifiers in `detail`; `patient_id` is the internal id.
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
      sql`${table.actorType} in ('staff', 'patient_link', 'system')`,
    ),
    check('audit_events_outcome_check', sql`${table.outcome} in ('success', 'denied', 'failure')`),
  ],
);
