import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { URGENCIES, type CaseloadEntry } from '@workup/contracts';
import { compareCaseload } from './order';

const entry = (
  name: string,
  options: {
    task?: { urgency: 'emergency' | 'urgent'; dueAt: string } | null;
    urgency?: CaseloadEntry['urgency'];
    red?: boolean;
  } = {},
): CaseloadEntry => ({
  patient: {
    id: `00000000-0000-4000-8000-${name.padStart(12, '0')}`,
    givenName: 'A',
    familyName: name,
    birthYear: null,
  },
  task:
    options.task === undefined || options.task === null
      ? null
      : {
          id: '00000000-0000-4000-8000-000000000001',
          patientId: '00000000-0000-4000-8000-000000000002',
          planId: '00000000-0000-4000-8000-000000000003',
          urgency: options.task.urgency,
          flags: [],
          openedAt: '2026-03-02T08:00:00.000Z',
          dueAt: options.task.dueAt,
          status: 'open',
          overdue: false,
          acknowledgedAt: null,
          acknowledgedBy: null,
          escalatedAt: null,
          escalatedTo: null,
          closedAt: null,
          closedBy: null,
          outcome: null,
          note: null,
        },
  urgency: options.urgency ?? null,
  flags: options.red === true ? [{ colour: 'red', code: 'red_flags_not_assessed' }] : [],
  risk: { sbt: null, ompsq10: null },
  overdueQuestionnaires: 0,
  lastAnsweredAt: null,
});

describe('the order of the caseload', () => {
  it('puts emergency tasks first, then urgent ones, each by deadline, then by plan and name', () => {
    const list = [
      entry('1', { urgency: 'routine' }),
      entry('2', {
        task: { urgency: 'urgent', dueAt: '2026-03-03T08:00:00.000Z' },
        urgency: 'urgent',
      }),
      entry('3', {
        task: { urgency: 'emergency', dueAt: '2026-03-02T23:00:00.000Z' },
        urgency: 'emergency',
      }),
      entry('4', {
        task: { urgency: 'emergency', dueAt: '2026-03-02T22:00:00.000Z' },
        urgency: 'emergency',
      }),
      entry('5'),
      entry('6', { urgency: 'none', red: true }),
      entry('7', { urgency: 'none' }),
      entry('8', { urgency: 'soon' }),
    ];
    assert.deepEqual(
      [...list].sort(compareCaseload).map((e) => e.patient.familyName),
      ['4', '3', '2', '8', '1', '6', '7', '5'],
    );
  });

  it('never puts an entry without an open emergency task before one with it', () => {
    const arb = fc.record({
      name: fc.string({ minLength: 1, maxLength: 3 }),
      task: fc.option(
        fc.record({
          urgency: fc.constantFrom('emergency' as const, 'urgent' as const),
          dueAt: fc.constantFrom('2026-03-02T22:00:00.000Z', '2026-03-03T08:00:00.000Z'),
        }),
        { nil: null },
      ),
      urgency: fc.option(fc.constantFrom(...URGENCIES), { nil: null }),
      red: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (raw) => {
        const sorted = raw.map((r) => entry(r.name, r)).sort(compareCaseload);
        const emergencies = sorted.map((e) => e.task?.urgency === 'emergency');
        const firstOther = emergencies.indexOf(false);
        assert.ok(firstOther === -1 || !emergencies.slice(firstOther).includes(true));
      }),
    );
  });
});
