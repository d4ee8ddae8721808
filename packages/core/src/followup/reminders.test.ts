import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ReminderPolicy } from '@workup/contracts';
import { addDays } from '../rtw/dates';
import { chooseChannel, reminderTimes, remindersToQueue } from './reminders';
import { windowInstants } from './schedule';

const POLICY: ReminderPolicy = {
  daysAfterOpening: [0, 3, 7],
  maxReminders: 3,
  sendAt: '09:00',
  channels: ['email', 'sms'],
};
const ZONE = 'Europe/Stockholm';
/** Opens Thursday 26 March 2026; clocks go forward on Sunday the 29th. */
const WINDOW = {
  opensOn: '2026-03-26',
  closesAt: windowInstants(
    { opensOn: '2026-03-26', dueOn: '2026-04-02', closesOn: '2026-04-09' },
    ZONE,
  ).closesAt,
};
const times = (list: { sequence: number; sendAt: Date }[]) =>
  list.map((r) => [r.sequence, r.sendAt.toISOString()]);

describe('followup reminders: policy on opening, after 3 and 7 days, at most N', () => {
  it('at 09:00 Stockholm time on each day, across the change to summer time (hand-worked)', () => {
    assert.deepEqual(times(reminderTimes(POLICY, WINDOW, ZONE)), [
      [1, '2026-03-26T08:00:00.000Z'],
      [2, '2026-03-29T07:00:00.000Z'],
      [3, '2026-04-02T07:00:00.000Z'],
    ]);
  });

  it('at most maxReminders, and none once the window has closed', () => {
    assert.equal(reminderTimes({ ...POLICY, maxReminders: 2 }, WINDOW, ZONE).length, 2);
    assert.equal(reminderTimes({ ...POLICY, maxReminders: 0 }, WINDOW, ZONE).length, 0);
    // Closing at the end of 1 April: the day-7 reminder (2 April) is dropped.
    const short = { opensOn: '2026-03-26', closesAt: new Date('2026-03-31T22:00:00Z') };
    assert.deepEqual(
      times(reminderTimes(POLICY, short, ZONE)).map(([s]) => s),
      [1, 2],
    );
  });

  it('queues what is still to come; a window nobody was reminded of yet gets one at once', () => {
    const noon = new Date('2026-03-26T11:00:00Z');
    assert.deepEqual(
      times(remindersToQueue(POLICY, WINDOW, ZONE, { now: noon, sentSequences: [] })),
      [
        [1, '2026-03-26T11:00:00.000Z'],
        [2, '2026-03-29T07:00:00.000Z'],
        [3, '2026-04-02T07:00:00.000Z'],
      ],
    );
    // The first went out; on 30 March the second is past and is not sent late.
    const later = new Date('2026-03-30T10:00:00Z');
    assert.deepEqual(
      times(remindersToQueue(POLICY, WINDOW, ZONE, { now: later, sentSequences: [1] })),
      [[3, '2026-04-02T07:00:00.000Z']],
    );
    // Never after the window has closed.
    assert.deepEqual(
      remindersToQueue(POLICY, WINDOW, ZONE, { now: WINDOW.closesAt, sentSequences: [] }),
      [],
    );
  });

  it('chooses the first channel the patient can be reached on', () => {
    assert.equal(
      chooseChannel(['email', 'sms'], { email: 'a@b.invalid', phone: '+46 70 000 00 00' }),
      'email',
    );
    assert.equal(
      chooseChannel(['email', 'sms'], { email: null, phone: '+46 70 000 00 00' }),
      'sms',
    );
    assert.equal(chooseChannel(['sms'], { email: 'a@b.invalid', phone: null }), null);
  });

  const policies = fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
      fc.integer({ min: 0, max: 10 }),
    )
    .map(([days, maxReminders]) => ({
      ...POLICY,
      daysAfterOpening: [...days].sort((a, b) => a - b),
      maxReminders,
    }));
  const windows = fc
    .tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 40 }))
    .map(([start, length]) => {
      const opensOn = addDays('2025-06-01', start);
      return {
        opensOn,
        closesAt: windowInstants(
          { opensOn, dueOn: opensOn, closesOn: addDays(opensOn, length) },
          ZONE,
        ).closesAt,
      };
    });

  it('property: numbered 1..n in time order, at most N, all before the window closes', () => {
    fc.assert(
      fc.property(policies, windows, (policy, window) => {
        const planned = reminderTimes(policy, window, ZONE);
        assert.ok(planned.length <= policy.maxReminders);
        planned.forEach((reminder, index) => {
          assert.equal(reminder.sequence, index + 1);
          assert.ok(reminder.sendAt.getTime() < window.closesAt.getTime());
          if (index > 0) assert.ok(reminder.sendAt > (planned[index - 1]?.sendAt ?? 0));
        });
      }),
    );
  });

  it('property: queueing never repeats a sent reminder nor exceeds the plan', () => {
    fc.assert(
      fc.property(
        policies,
        windows,
        fc.integer({ min: 0, max: 50 * 86_400_000 }),
        fc.array(fc.integer({ min: 1, max: 10 })),
        (policy, window, offset, sent) => {
          const now = new Date(
            windowInstants(
              { opensOn: window.opensOn, dueOn: window.opensOn, closesOn: window.opensOn },
              ZONE,
            ).opensAt.getTime() + offset,
          );
          const queued = remindersToQueue(policy, window, ZONE, { now, sentSequences: sent });
          const planned = reminderTimes(policy, window, ZONE).map((r) => r.sequence);
          for (const reminder of queued) {
            assert.ok(!sent.includes(reminder.sequence));
            assert.ok(planned.includes(reminder.sequence));
            assert.ok(reminder.sendAt.getTime() >= now.getTime());
          }
          assert.equal(new Set(queued.map((r) => r.sequence)).size, queued.length);
        },
      ),
    );
  });
});
