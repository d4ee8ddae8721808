import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  CaseloadQuerySchema,
  CaseloadSchema,
  FlagColourSchema,
  ProblemSchema,
  SbtRiskSchema,
  UrgencySchema,
  type CaseloadEntry,
  type RedFlagTask,
} from '@workup/contracts';
import {
  countOverdueAssignments,
  lastAnsweredAt,
  listLatestPlans,
  listOpenRedFlagTasks,
  listPatients,
  listScoredResponses,
  type Db,
} from '@workup/db';
import type { RouteContext } from '../../context';
import { audit } from '../../services/audit';
import { accessOf } from '../../services/authorization';
import { toRedFlagTask } from '../../services/patient-views';
import { guardStaffRoutes } from '../../services/staff-auth';
import { escalateOnRead } from '../tasks/index';
import { SITE_TIME_ZONE } from '../tasks/deadline';
import { compareCaseload } from './order';

/** The calendar date of `now` in the site's time zone, `YYYY-MM-DD`. */
export function siteToday(now: Date, timeZone: string = SITE_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The newest risk group of each patient for a risk-screening instrument. */
async function latestRisks(db: Db, patientIds: readonly string[], instrument: 'sbt' | 'ompsq10') {
  const risks = new Map<string, CaseloadEntry['risk']['sbt']>();
  for (const row of await listScoredResponses(db, patientIds, instrument)) {
    if (risks.has(row.patientId)) continue;
    const parsed = SbtRiskSchema.safeParse(row.scores?.risk);
    risks.set(row.patientId, parsed.success ? parsed.data : null);
  }
  return risks;
}

const TASK_URGENCY = { emergency: 0, urgent: 1 } as const;

/**
 * `GET /api/v1/caseload`: the patients of the person's units with what needs doing first:
 * open red-flag tasks (escalation decided on read), the latest plan's urgency and flags, risk
 * groups and overdue questionnaires; filtered and sorted (see `compareCaseload`).
 */
export const caseloadRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  guardStaffRoutes(app, ctx);

  app.get(
    '/',
    {
      config: { permission: { resource: 'patient', action: 'list' } },
      schema: {
        tags: ['patients'],
        summary:
          'The caseload: emergency and urgent red flags first, with filters by flag colour, risk group and overdue questionnaires',
        querystring: CaseloadQuerySchema,
        response: { 200: CaseloadSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => {
      const { unitIds } = accessOf(request);
      const query = request.query;
      return ctx.db.transaction(async (tx) => {
        await escalateOnRead(tx, ctx, request, unitIds);
        const now = ctx.clock.now();
        const patients = await listPatients(tx, unitIds);
        const ids = patients.map((patient) => patient.id);
        const [plans, tasks, sbt, ompsq10, overdue, answered] = await Promise.all([
          listLatestPlans(tx, ids),
          listOpenRedFlagTasks(tx, unitIds),
          latestRisks(tx, ids, 'sbt'),
          latestRisks(tx, ids, 'ompsq10'),
          countOverdueAssignments(tx, ids, siteToday(now)),
          lastAnsweredAt(tx, ids),
        ]);
        const taskOf = new Map<string, RedFlagTask>();
        for (const row of tasks) {
          const task = toRedFlagTask(row, now);
          const held = taskOf.get(row.patientId);
          if (held === undefined || TASK_URGENCY[task.urgency] < TASK_URGENCY[held.urgency]) {
            taskOf.set(row.patientId, task);
          }
        }
        const entries: CaseloadEntry[] = patients.map((patient) => {
          const plan = plans.get(patient.id);
          return {
            patient: {
              id: patient.id,
              givenName: patient.givenName,
              familyName: patient.familyName,
              birthYear: patient.birthYear,
            },
            task: taskOf.get(patient.id) ?? null,
            urgency: plan === undefined ? null : UrgencySchema.parse(plan.urgency),
            flags:
              plan?.flags.map((flag) => ({
                colour: FlagColourSchema.parse(flag.colour),
                code: flag.code,
              })) ?? [],
            risk: { sbt: sbt.get(patient.id) ?? null, ompsq10: ompsq10.get(patient.id) ?? null },
            overdueQuestionnaires: overdue.get(patient.id) ?? 0,
            lastAnsweredAt: answered.get(patient.id)?.toISOString() ?? null,
          };
        });
        const shown = entries
          .filter(
            (entry) =>
              query.flag === undefined || entry.flags.some((flag) => flag.colour === query.flag),
          )
          .filter(
            (entry) =>
              query.risk === undefined ||
              entry.risk.sbt === query.risk ||
              entry.risk.ompsq10 === query.risk,
          )
          .filter((entry) => query.overdue !== 'true' || entry.overdueQuestionnaires > 0)
          .sort(compareCaseload);
        await audit(tx, ctx.clock, request, {
          action: 'patient.list',
          outcome: 'success',
          detail: {
            view: 'caseload',
            count: shown.length,
            openTasks: shown.filter((entry) => entry.task !== null).length,
          },
        });
        return { now: now.toISOString(), entries: shown };
      });
    },
  );
  done();
};
