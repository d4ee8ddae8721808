import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OutboxMessage } from '@workup/contracts';
import fc from 'fast-check';
import { newestFirst } from './outbox-page';

const message = (id: string, createdAt: string): OutboxMessage => ({
  id,
  channel: 'email',
  to: 'patient@example.invalid',
  subject: null,
  body: '',
  createdAt,
});

test('the outbox lists the newest message first, ties by id', () => {
  const sorted = newestFirst([
    message('b', '2026-01-01T10:00:00.000Z'),
    message('c', '2026-01-02T09:00:00.000Z'),
    message('a', '2026-01-01T10:00:00.000Z'),
  ]);
  assert.deepEqual(
    sorted.map((m) => m.id),
    ['c', 'a', 'b'],
  );
});

test('newestFirst keeps every message and never puts an older one before a newer one', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          id: fc.uuid(),
          at: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        }),
      ),
      (rows) => {
        const input = rows.map((row) => message(row.id, new Date(row.at).toISOString()));
        const sorted = newestFirst(input);
        assert.equal(sorted.length, input.length);
        for (let i = 1; i < sorted.length; i += 1) {
          const before = sorted[i - 1];
          const after = sorted[i];
          assert.ok(before !== undefined && after !== undefined);
          assert.ok(Date.parse(before.createdAt) >= Date.parse(after.createdAt));
        }
      },
    ),
  );
});
