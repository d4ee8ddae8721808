import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  CreateStaffRequestSchema,
  CreateUnitRequestSchema,
  ProblemSchema,
  StaffAccountSchema,
  StaffListSchema,
  StaffParamsSchema,
  UnitListSchema,
  UnitSchema,
  UpdateStaffRequestSchema,
  type StaffAccount,
} from '@workup/contracts';
import {
  createStaffUser,
  createUnit,
  deleteStaffSessionsOfUser,
  findStaffUserByEmail,
  findStaffUserById,
  getUnit,
  listStaffOfOrganisation,
  listStaffUnits,
  listUnits,
  setStaffUnits,
  updateStaffUser,
  type Db,
  type StaffUserRow,
  type UnitRow,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit, auditAlone } from '../../services/audit';
import { accessOf } from '../../services/authorization';
import { hashPassword } from '../../services/passwords';
import { guardStaffRoutes } from '../../services/staff-auth';
import { STAFF_ERRORS } from '../patients/index';

function toStaffAccount(user: StaffUserRow, otherUnitIds: readonly string[]): StaffAccount {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role as StaffAccount['role'],
    unitId: user.unitId,
    otherUnitIds: [...otherUnitIds],
    totpEnabled: user.totpEnabledAt !== null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

const toUnit = (unit: UnitRow) => ({
  id: unit.id,
  organisationId: unit.organisationId,
  name: unit.name,
  createdAt: unit.createdAt.toISOString(),
});

/**
 * `/api/v1/staff` and `/api/v1/units`: an administrator manages the staff accounts and units
 * of their organisation. Staff of other organisations answer 404.
 */
export const staffRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  /** The administrator's organisation and its units. */
  const organisationOf = async (db: Db, request: FastifyRequest) => {
    const { user } = accessOf(request);
    const home = await getUnit(db, user.unitId);
    if (!home) throw new Error('the administrator’s unit is gone');
    const units = await listUnits(db, home.organisationId);
    return { organisationId: home.organisationId, unitIds: units.map((unit) => unit.id), units };
  };

  /** Every unit named must be one of the organisation's (422 at the field otherwise). */
  const checkUnits = (allowed: readonly string[], named: Record<string, readonly string[]>) => {
    const errors = Object.entries(named).flatMap(([field, ids]) =>
      ids.flatMap((id, index) =>
        allowed.includes(id)
          ? []
          : [{ path: field === 'unitId' ? [field] : [field, index], message: 'no such unit' }],
      ),
    );
    if (errors.length > 0) {
      throw new AppError({
        code: 'validation_failed',
        status: 422,
        detail: 'Units must be of your organisation.',
        errors,
      });
    }
  };

  app.get(
    '/staff',
    {
      config: { permission: { resource: 'staff', action: 'list' } },
      schema: {
        tags: ['staff'],
        summary: 'The staff accounts of the administrator’s organisation',
        response: { 200: StaffListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { organisationId } = await organisationOf(ctx.db, request);
      const staff = await listStaffOfOrganisation(ctx.db, organisationId);
      const memberships = await listStaffUnits(
        ctx.db,
        staff.map((user) => user.id),
      );
      return {
        staff: staff.map((user) => toStaffAccount(user, memberships.get(user.id) ?? [])),
      };
    },
  );

  app.post(
    '/staff',
    {
      config: { permission: { resource: 'staff', action: 'create' } },
      schema: {
        tags: ['staff'],
        summary: 'Create a staff account with a role, a home unit and further units',
        body: CreateStaffRequestSchema,
        response: {
          201: StaffAccountSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...STAFF_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { unitIds } = await organisationOf(ctx.db, request);
      checkUnits(unitIds, { unitId: [body.unitId], otherUnitIds: body.otherUnitIds });
      if (await findStaffUserByEmail(ctx.db, body.email)) {
        throw new AppError({
          code: 'email_taken',
          status: 409,
          detail: 'There is already an account with this e-mail address.',
        });
      }
      const passwordHash = await hashPassword(body.password, ctx.passwordParams);
      const created = await ctx.db.transaction(async (tx) => {
        const user = await createStaffUser(tx, {
          unitId: body.unitId,
          email: body.email,
          displayName: body.displayName,
          role: body.role,
          passwordHash,
          otherUnitIds: body.otherUnitIds,
          now: ctx.clock.now(),
        });
        await audit(tx, ctx.clock, request, {
          action: 'staff.create',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: user.id,
          detail: { role: user.role },
        });
        return user;
      });
      return reply.code(201).send(
        toStaffAccount(
          created,
          body.otherUnitIds.filter((id) => id !== created.unitId),
        ),
      );
    },
  );

  app.patch(
    '/staff/:staffId',
    {
      config: { permission: { resource: 'staff', action: 'update' } },
      schema: {
        tags: ['staff'],
        summary:
          'Change a staff account: role, units, disabled, or reset its second factor (ends its sessions)',
        params: StaffParamsSchema,
        body: UpdateStaffRequestSchema,
        response: {
          200: StaffAccountSchema,
          404: ProblemSchema,
          422: ProblemSchema,
          ...STAFF_ERRORS,
        },
      },
    },
    async (request) => {
      const { user: admin } = accessOf(request);
      const body = request.body;
      const { staffId } = request.params;
      const { unitIds } = await organisationOf(ctx.db, request);
      const target = await findStaffUserById(ctx.db, staffId);
      if (!target || !unitIds.includes(target.unitId)) {
        await auditAlone(ctx.db, ctx.clock, request, {
          action: 'staff.update',
          outcome: 'denied',
          subjectType: 'staff_user',
          subjectId: staffId,
          detail: { reason: target ? 'organisation' : 'unknown' },
        });
        throw notFound('The staff member');
      }
      checkUnits(unitIds, {
        unitId: body.unitId === undefined ? [] : [body.unitId],
        otherUnitIds: body.otherUnitIds ?? [],
      });
      if (
        target.id === admin.id &&
        ((body.role !== undefined && body.role !== 'admin') || body.disabled === true)
      ) {
        throw new AppError({
          code: 'validation_failed',
          status: 422,
          detail: 'You cannot take away your own administration rights; ask another administrator.',
          errors: [{ path: [body.disabled === true ? 'disabled' : 'role'], message: 'your own' }],
        });
      }
      const endsSessions =
        (body.role !== undefined && body.role !== target.role) ||
        body.disabled === true ||
        body.resetTotp === true;
      const updated = await ctx.db.transaction(async (tx) => {
        const row = await updateStaffUser(tx, target.id, {
          ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
          ...(body.role === undefined ? {} : { role: body.role }),
          ...(body.unitId === undefined ? {} : { unitId: body.unitId }),
          ...(body.disabled === undefined
            ? {}
            : { disabledAt: body.disabled ? (target.disabledAt ?? ctx.clock.now()) : null }),
          ...(body.resetTotp === true
            ? { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }
            : {}),
        });
        if (!row) throw notFound('The staff member');
        if (body.otherUnitIds !== undefined) {
          await setStaffUnits(
            tx,
            row.id,
            body.otherUnitIds.filter((id) => id !== row.unitId),
          );
        }
        if (endsSessions) await deleteStaffSessionsOfUser(tx, row.id);
        await audit(tx, ctx.clock, request, {
          action: 'staff.update',
          outcome: 'success',
          subjectType: 'staff_user',
          subjectId: row.id,
          detail: { fields: Object.keys(body).sort() },
        });
        return row;
      });
      const memberships = await listStaffUnits(ctx.db, [updated.id]);
      return toStaffAccount(updated, memberships.get(updated.id) ?? []);
    },
  );

  app.get(
    '/units',
    {
      config: { permission: { resource: 'unit', action: 'list' } },
      schema: {
        tags: ['staff'],
        summary: 'The units (care centres, trial clusters) of the administrator’s organisation',
        response: { 200: UnitListSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const { units } = await organisationOf(ctx.db, request);
      return { units: units.map(toUnit) };
    },
  );

  app.post(
    '/units',
    {
      config: { permission: { resource: 'unit', action: 'create' } },
      schema: {
        tags: ['staff'],
        summary: 'Create a unit in the administrator’s organisation',
        body: CreateUnitRequestSchema,
        response: { 201: UnitSchema, 422: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const { organisationId } = await organisationOf(ctx.db, request);
      const unit = await ctx.db.transaction(async (tx) => {
        const created = await createUnit(tx, {
          name: request.body.name,
          organisationId,
          now: ctx.clock.now(),
        });
        await audit(tx, ctx.clock, request, {
          action: 'unit.create',
          outcome: 'success',
          subjectType: 'unit',
          subjectId: created.id,
        });
        return created;
      });
      return reply.code(201).send(toUnit(unit));
    },
  );
  done();
};
