import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  AcknowledgeTaskRequestSchema,
  CloseTaskRequestSchema,
  PatientIdParamsSchema,
  ProblemSchema,
  RedFlagTaskListSchema,
  RedFlagTaskSchema,
  TaskParamsSchema,
} from '@workup/contracts';
import {
  acknowledgeRedFlagTask,
  closeRedFlagTask,
  escalateOverdueRedFlagTasks,
  getRedFlagTask,
  listPatientRedFlagTasks,
  type DbTransaction,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { audit } from '../../services/audit';
import { accessOf, patientOf } from '../../services/authorization';
import { toRedFlagTask } from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { PATIENT_ERRORS } from '../patients/index';

/**
 * Escalation is computed on read, with the injected clock: every read of tasks first marks
 * those past their deadline without an acknowledgement as escalated to the unit's lead (once,
 * with the lead at that moment) and audits each as a system event in the same transaction. No
 * job is needed for it, and what a clinician sees is never staler than their last page load.
 */
export async function escalateOnRead(
  tx: DbTransaction,
  ctx: RouteContext,
  request: FastifyRequest,
  unitIds: readonly string[],
): Promise<void> {
  const escalated = await escalateOverdueRedFlagTasks(tx, { unitIds, now: ctx.clock.now() });
  for (const task of escalated) {
    await audit(tx, ctx.clock, request, {
      actor: { actorType: 'system', actorId: null },
      action: 'red_flag_task.escalate',
      outcome: 'success',
      patientId: task.patientId,
      subjectType: 'red_flag_task',
      subjectId: task.id,
      detail: {
        urgency: task.urgency,
        dueAt: task.dueAt.toISOString(),
        escalatedTo: task.escalatedTo,
      },
    });
  }
}

const alreadyClosed = () =>
  new AppError({
    code: 'task_closed',
    status: 409,
    detail: 'This red-flag task is already closed.',
  });

/**
 * `/api/v1/patients/{patientId}/tasks`: the patient's red-flag tasks; a clinician acknowledges
 * one and closes it with its outcome (referred, ruled out). Every step is audited.
 */
export const taskRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'red_flag_task', action: 'list' } },
      schema: {
        tags: ['tasks'],
        summary: 'The patient’s red-flag tasks, newest first (escalation is decided on read)',
        params: PatientIdParamsSchema,
        response: { 200: RedFlagTaskListSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const patient = patientOf(request);
      return ctx.db.transaction(async (tx) => {
        await escalateOnRead(tx, ctx, request, [patient.unitId]);
        const tasks = await listPatientRedFlagTasks(tx, patient.id);
        await audit(tx, ctx.clock, request, {
          action: 'red_flag_task.list',
          outcome: 'success',
          patientId: patient.id,
          detail: { count: tasks.length },
        });
        const now = ctx.clock.now();
        return { tasks: tasks.map((task) => toRedFlagTask(task, now)) };
      });
    },
  );

  app.post(
    '/:taskId/acknowledgement',
    {
      config: { permission: { resource: 'red_flag_task', action: 'update' } },
      schema: {
        tags: ['tasks'],
        summary: 'Acknowledge a red-flag task: a clinician has seen it and acts on it',
        params: TaskParamsSchema,
        body: AcknowledgeTaskRequestSchema,
        response: { 200: RedFlagTaskSchema, 409: ProblemSchema, ...PATIENT_ERRORS },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const { taskId } = request.params;
      return ctx.db.transaction(async (tx) => {
        await escalateOnRead(tx, ctx, request, [patient.unitId]);
        const existing = await getRedFlagTask(tx, patient.id, taskId);
        if (!existing) throw notFound('The task');
        if (existing.closedAt !== null) throw alreadyClosed();
        const now = ctx.clock.now();
        const row =
          (await acknowledgeRedFlagTask(tx, { patientId: patient.id, taskId, by: user.id, now })) ??
          existing;
        if (row !== existing) {
          await audit(tx, ctx.clock, request, {
            action: 'red_flag_task.acknowledge',
            outcome: 'success',
            patientId: patient.id,
            subjectType: 'red_flag_task',
            subjectId: taskId,
            detail: { overdue: now.getTime() >= row.dueAt.getTime() },
          });
        }
        return toRedFlagTask(row, now);
      });
    },
  );

  app.post(
    '/:taskId/closure',
    {
      config: { permission: { resource: 'red_flag_task', action: 'update' } },
      schema: {
        tags: ['tasks'],
        summary: 'Close a red-flag task with its outcome: referred, or ruled out',
        params: TaskParamsSchema,
        body: CloseTaskRequestSchema,
        response: {
          200: RedFlagTaskSchema,
          409: ProblemSchema,
          422: ProblemSchema,
          ...PATIENT_ERRORS,
        },
      },
    },
    async (request) => {
      const { user } = accessOf(request);
      const patient = patientOf(request);
      const { taskId } = request.params;
      const body = request.body;
      return ctx.db.transaction(async (tx) => {
        await escalateOnRead(tx, ctx, request, [patient.unitId]);
        const existing = await getRedFlagTask(tx, patient.id, taskId);
        if (!existing) throw notFound('The task');
        const now = ctx.clock.now();
        const row = await closeRedFlagTask(tx, {
          patientId: patient.id,
          taskId,
          by: user.id,
          now,
          outcome: body.outcome,
          note: body.note ?? null,
        });
        if (!row) throw alreadyClosed();
        await audit(tx, ctx.clock, request, {
          action: 'red_flag_task.close',
          outcome: 'success',
          patientId: patient.id,
          subjectType: 'red_flag_task',
          subjectId: taskId,
          // The outcome code; the note is free text and stays in the record only.
          detail: { outcome: body.outcome, acknowledgedOnClose: existing.acknowledgedAt === null },
        });
        return toRedFlagTask(row, now);
      });
    },
  );
  done();
};
