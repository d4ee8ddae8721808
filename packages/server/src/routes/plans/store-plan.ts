import type { FastifyRequest } from 'fastify';
import { FLAG_COLOURS, type TriageResult } from '@workup/contracts';
import {
  createPlan,
  openRedFlagTask,
  type DbTransaction,
  type PlanRecord,
  type RedFlagTaskRow,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { audit } from '../../services/audit';
import { redFlagDeadline } from '../tasks/deadline';

/**
 * Stores a triage result as the patient's plan and, when its urgency is emergency or urgent,
 * opens its red-flag task with the deadline that urgency gives; both audited, all in `tx`.
 */
export async function storePlan(
  tx: DbTransaction,
  ctx: RouteContext,
  request: FastifyRequest,
  input: {
    patient: { id: string; unitId: string };
    episodeId: string | null;
    triage: TriageResult;
    createdBy: string | null;
    assignmentId: string | null;
  },
): Promise<{ plan: PlanRecord; task: RedFlagTaskRow | null }> {
  const { triage, patient } = input;
  const now = ctx.clock.now();
  const plan = await createPlan(tx, {
    patientId: patient.id,
    episodeId: input.episodeId,
    pathway: triage.pathway,
    urgency: triage.urgency,
    triage,
    flags: FLAG_COLOURS.flatMap((colour) =>
      triage.flags[colour].map((flag) => ({ colour, code: flag.code })),
    ),
    components: triage.plan.map((item) => ({
      code: item.code,
      title: item.title,
      status: item.status,
    })),
    createdBy: input.createdBy,
    assignmentId: input.assignmentId,
    now,
  });
  await audit(tx, ctx.clock, request, {
    action: 'plan.create',
    outcome: 'success',
    patientId: patient.id,
    subjectType: 'plan',
    subjectId: plan.id,
    detail: {
      pathway: `${triage.pathway.id}@${triage.pathway.version}`,
      urgency: triage.urgency,
      ...(input.assignmentId === null ? {} : { source: 'questionnaire_link' }),
    },
  });
  if (triage.urgency !== 'emergency' && triage.urgency !== 'urgent') return { plan, task: null };
  const task = await openRedFlagTask(tx, {
    patientId: patient.id,
    unitId: patient.unitId,
    planId: plan.id,
    urgency: triage.urgency,
    flags: triage.flags.red.map((flag) => flag.code),
    openedAt: now,
    dueAt: redFlagDeadline(triage.urgency, now),
  });
  await audit(tx, ctx.clock, request, {
    action: 'red_flag_task.open',
    outcome: 'success',
    patientId: patient.id,
    subjectType: 'red_flag_task',
    subjectId: task.id,
    detail: { urgency: task.urgency, flags: task.flags, dueAt: task.dueAt.toISOString() },
  });
  return { plan, task };
}
