import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SickLeavePeriodRecord } from '@workup/contracts';
import { orderPeriods, readSickLeaveForm, serverInvalidFields } from './sick-leave-values';

test('a complete form becomes the request', () => {
  assert.deepEqual(
    readSickLeaveForm({ from: '2026-01-05', to: '2026-01-05', degree: 50, source: 'certificate' }),
    {
      ok: true,
      request: { from: '2026-01-05', to: '2026-01-05', degree: 50, source: 'certificate' },
    },
  );
});

test('each missing or wrong field is named', () => {
  assert.deepEqual(readSickLeaveForm({ from: '', to: '', degree: null, source: null }), {
    ok: false,
    problems: { from: 'fromMissing', to: 'toMissing', degree: 'degree', source: 'source' },
  });
  // `to` is inclusive: the day before `from` is refused, the same day is not.
  assert.deepEqual(
    readSickLeaveForm({ from: '2026-01-05', to: '2026-01-04', degree: 100, source: 'register' }),
    { ok: false, problems: { to: 'toBeforeFrom' } },
  );
});

test('a 422 names fields by their path', () => {
  assert.deepEqual(serverInvalidFields({ to: 'must not be before "from"', other: 'x' }), ['to']);
  assert.deepEqual(serverInvalidFields({}), []);
});

const period = (
  id: string,
  from: string,
  removedAt: string | null = null,
): SickLeavePeriodRecord => ({
  id,
  from,
  to: from,
  degree: 100,
  source: 'certificate',
  recordedBy: '00000000-0000-4000-8000-000000000000',
  recordedAt: '2026-01-01T10:00:00Z',
  removedAt,
  removalReason: removedAt === null ? null : 'wrong patient',
});

test('periods on record come first, latest first; removed ones after', () => {
  const ordered = orderPeriods([
    period('a', '2026-01-01', '2026-02-01T10:00:00Z'),
    period('b', '2026-01-10'),
    period('c', '2026-02-10'),
  ]);
  assert.deepEqual(
    ordered.map((p) => p.id),
    ['c', 'b', 'a'],
  );
});
