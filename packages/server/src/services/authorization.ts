import type { FastifyRequest } from 'fastify';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '@workup/contracts';
import { findPatientUnit, getUnit, listUnits, staffUnitIds, type Db } from '@workup/db';
import type { RouteContext } from '../context';
import { AppError, notFound } from '../errors';
import { auditAlone } from './audit';

/**
 * Who may do what: the one role × resource × action matrix of the server. Anything not listed
 * here is denied (default deny), and every staff route must name the cell it needs
 * (`config.permission`); a route without one does not start.
 *
 * Beyond the role, patient data is scoped: a staff member sees only the patients of their units
 * (their home unit and the units they are members of; an administrator: the units of their
 * organisation), and another unit's patient answers 404, as if it did not exist. Researchers
 * never reach the patient routes: they get a pseudonymised view of consenting patients only.
 */
export const RESOURCES = [
  'patient',
  'episode',
  'questionnaire_link',
  'plan',
  'plan_component',
  'protocol_entry',
  'consent',
  'access_log',
  'research_patient',
  'staff',
  'unit',
  'followup_schedule',
  'followup_enrolment',
  'followup_dashboard',
  'outbox',
  'red_flag_task',
  'sick_leave',
  'vocational_referral',
  'referral_notification',
  'cdm_meeting',
  'cdm_sharing',
  'employer_link',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = ['list', 'read', 'create', 'update', 'revoke'] as const;
export type Action = (typeof ACTIONS)[number];

const CLINICIAN = 'clinician';
const ADVISER = 'vocational_adviser';
const RESEARCHER = 'researcher';
const ADMIN = 'admin';

export const PERMISSIONS = {
  /** Identity and summary; `update` changes identity and contact details. */
  patient: {
    list: [CLINICIAN, ADVISER],
    read: [CLINICIAN, ADVISER],
    create: [CLINICIAN],
    update: [CLINICIAN],
  },
  episode: { list: [CLINICIAN, ADVISER], create: [CLINICIAN], update: [CLINICIAN] },
  questionnaire_link: { create: [CLINICIAN] },
  plan: { list: [CLINICIAN, ADVISER], read: [CLINICIAN, ADVISER], create: [CLINICIAN] },
  /** The clinician's decision on a component of a plan. */
  plan_component: { update: [CLINICIAN] },
  /** Vocational advisers record the vocational measures they give. */
  protocol_entry: { list: [CLINICIAN, ADVISER], create: [CLINICIAN, ADVISER] },
  consent: { list: [CLINICIAN, ADVISER], create: [CLINICIAN], revoke: [CLINICIAN] },
  /** Who accessed a patient's data: for the administrator who follows up the logs. */
  access_log: { read: [ADMIN] },
  /** The pseudonymised view of patients who consented to research. */
  research_patient: { list: [RESEARCHER], read: [RESEARCHER] },
  staff: { list: [ADMIN], create: [ADMIN], update: [ADMIN] },
  unit: { list: [ADMIN], create: [ADMIN] },
  /** Follow-up schedules of the person's units (docs/followup.md). */
  followup_schedule: {
    list: [CLINICIAN, ADVISER, ADMIN],
    create: [CLINICIAN, ADMIN],
    update: [CLINICIAN, ADMIN],
  },
  /** A patient's follow-up: enrol, move the inclusion date, withdraw (`revoke`). */
  followup_enrolment: {
    list: [CLINICIAN, ADVISER],
    create: [CLINICIAN],
    update: [CLINICIAN],
    revoke: [CLINICIAN],
  },
  /** Completion per unit and timepoint, with the overdue list (patient ids, no names). */
  followup_dashboard: { read: [CLINICIAN, ADVISER] },
  /** Messages the outbox transport kept: contact details and live links, so the care team only. */
  outbox: { list: [CLINICIAN] },
  /** Red-flag tasks: clinicians see, acknowledge and close them (with an outcome). */
  red_flag_task: { list: [CLINICIAN], update: [CLINICIAN] },
  /** Sick-leave periods and the RTW timeline (`list`); `revoke` removes one entered by mistake. */
  sick_leave: {
    list: [CLINICIAN, ADVISER],
    create: [CLINICIAN, ADVISER],
    revoke: [CLINICIAN, ADVISER],
  },
  /**
   * Vocational advice referrals: clinicians refer (and run the eligibility check); `update`
   * records an event — the adviser's acceptance, contacts and discharge, or a withdrawal, which
   * is all a clinician may record (the route checks the event against the role).
   */
  vocational_referral: {
    list: [CLINICIAN, ADVISER],
    read: [CLINICIAN, ADVISER],
    create: [CLINICIAN],
    update: [CLINICIAN, ADVISER],
  },
  /** The referrer's own notifications (the closed feedback loop). */
  referral_notification: { list: [CLINICIAN], update: [CLINICIAN] },
  /** Convergence Dialogue Meetings, run by the clinician or the vocational adviser. */
  cdm_meeting: {
    list: [CLINICIAN, ADVISER],
    read: [CLINICIAN, ADVISER],
    create: [CLINICIAN, ADVISER],
    update: [CLINICIAN, ADVISER],
  },
  /** The patient's item-by-item decisions on what the employer sees, and their withdrawal. */
  cdm_sharing: { create: [CLINICIAN, ADVISER], revoke: [CLINICIAN, ADVISER] },
  /** The employer's scoped link to one meeting. */
  employer_link: { create: [CLINICIAN, ADVISER], revoke: [CLINICIAN, ADVISER] },
} as const satisfies Readonly<Record<Resource, Partial<Record<Action, readonly StaffRole[]>>>>;

export interface Permission {
  readonly resource: Resource;
  readonly action: Action;
}

/** Whether the matrix lets `role` do `action` on `resource`; false for anything not listed. */
export function can(role: StaffRole, resource: Resource, action: Action): boolean {
  const actions: Partial<Record<Action, readonly StaffRole[]>> = PERMISSIONS[resource];
  return actions[action]?.includes(role) ?? false;
}

/** Every cell of the matrix that names an operation, with the roles it allows and denies. */
export function permissionCells(): {
  resource: Resource;
  action: Action;
  role: StaffRole;
  allowed: boolean;
}[] {
  return RESOURCES.flatMap((resource) =>
    ACTIONS.filter((action) => action in PERMISSIONS[resource]).flatMap((action) =>
      STAFF_ROLES.map((role) => ({ resource, action, role, allowed: can(role, resource, action) })),
    ),
  );
}

/** What an authorised staff request may reach, set by {@link authorize}. */
export interface Access {
  readonly user: StaffUser;
  readonly permission: Permission;
  /** The units whose patients this person may see. */
  readonly unitIds: readonly string[];
  /** The patient named in the path (`:patientId`), checked to be in those units. */
  readonly patient: { id: string; unitId: string; researchId: string } | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The matrix cell a staff route needs; `signed_in`: any signed-in staff member. */
    permission?: Permission | 'signed_in';
    /** The route stays open to a session that must enrol a second factor first. */
    duringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    access: Access | null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The units whose patients the person may see: an administrator's whole organisation. */
export async function scopeUnitIds(db: Db, user: StaffUser): Promise<string[]> {
  if (user.role === ADMIN) {
    const unit = await getUnit(db, user.unitId);
    return unit ? (await listUnits(db, unit.organisationId)).map((row) => row.id) : [];
  }
  return staffUnitIds(db, user);
}

export const forbidden = () =>
  new AppError({
    code: 'forbidden',
    status: 403,
    detail: 'Your role does not allow this.',
  });

/**
 * onRequest hook after `requireStaff`: checks the route's matrix cell (403 otherwise) and, for
 * a path with `:patientId`, that the patient is in the person's units (404 otherwise). Each
 * denial is audited, with the patient's id when such a patient exists, so it shows in that
 * patient's access log.
 */
export function authorize(ctx: RouteContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const staff = request.staff;
    if (!staff) throw new Error('requireStaff did not run');
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) throw forbidden();
    if (permission === 'signed_in') return;
    const action = `${permission.resource}.${permission.action}`;
    const params = request.params as Record<string, string | undefined>;
    const requested = params.patientId;
    const patient =
      requested !== undefined && UUID.test(requested)
        ? await findPatientUnit(ctx.db, requested)
        : null;
    const target = patient
      ? { patientId: patient.id, subjectType: 'patient', subjectId: patient.id }
      : requested !== undefined && UUID.test(requested)
        ? { subjectType: 'patient', subjectId: requested }
        : {};
    if (!can(staff.user.role, permission.resource, permission.action)) {
      await auditAlone(ctx.db, ctx.clock, request, {
        action,
        outcome: 'denied',
        ...target,
        detail: { reason: 'role', role: staff.user.role },
      });
      throw forbidden();
    }
    const unitIds = await scopeUnitIds(ctx.db, staff.user);
    if (requested !== undefined && UUID.test(requested)) {
      if (!patient || !unitIds.includes(patient.unitId)) {
        await auditAlone(ctx.db, ctx.clock, request, {
          action,
          outcome: 'denied',
          ...target,
          detail: { reason: patient ? 'unit' : 'unknown' },
        });
        throw notFound('The patient');
      }
    }
    request.access = { user: staff.user, permission, unitIds, patient };
  };
}

/** The access {@link authorize} granted; a programming error when the hook did not run. */
export function accessOf(request: FastifyRequest): Access {
  if (!request.access) throw new Error('authorize did not run');
  return request.access;
}

/** The patient of the path, for routes under `/patients/:patientId`. */
export function patientOf(request: FastifyRequest): {
  id: string;
  unitId: string;
  researchId: string;
} {
  const patient = accessOf(request).patient;
  if (!patient) throw new Error('the route has no :patientId');
  return patient;
}

/**
 * For plugins of staff routes: refuses to register a route that names no matrix cell, so a
 * new route is denied until someone decides who may use it.
 */
export function assertPermissionDeclared(route: {
  method: string | string[];
  url: string;
  config?: { permission?: unknown };
}): void {
  if (route.config?.permission === undefined) {
    throw new Error(
      `${String(route.method)} ${route.url}: a staff route must name its permission (services/authorization.ts)`,
    );
  }
}
