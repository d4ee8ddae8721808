import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FOLLOWUP_STATES } from '@workup/contracts';
import { followupState, mayRemind, responseDelaySeconds, type AssignmentFacts } from './state';

const FACTS: AssignmentFacts = {
  opensAt: new Date('2026-05-25T22:00:00Z'),
  overdueAt: new Date('2026-06-16T22:00:00Z'),
  closesAt: new Date('2026-06-30T22:00:00Z'),
  completedAt: null,
  withdrawnAt: null,
  cancelledAt: null,
};
const at = (iso: string) => new Date(iso);

describe('followup states', () => {
  it('scheduled, open, overdue and missed at both sides of each boundary', () => {
    assert.equal(followupState(FACTS, at('2026-05-25T21:59:59.999Z')), 'scheduled');
    assert.equal(followupState(FACTS, at('2026-05-25T22:00:00Z')), 'open');
    assert.equal(followupState(FACTS, at('2026-06-16T21:59:59.999Z')), 'open');
    assert.equal(followupState(FACTS, at('2026-06-16T22:00:00Z')), 'overdue');
    assert.equal(followupState(FACTS, at('2026-06-30T21:59:59.999Z')), 'overdue');
    assert.equal(followupState(FACTS, at('2026-06-30T22:00:00Z')), 'missed');
  });

  it('answered is completed, whatever came after', () => {
    const done = { ...FACTS, completedAt: at('2026-06-01T10:00:00Z') };
    assert.equal(followupState(done, at('2027-01-01T00:00:00Z')), 'completed');
    assert.equal(
      followupState(
        { ...done, withdrawnAt: at('2026-06-02T00:00:00Z') },
        at('2027-01-01T00:00:00Z'),
      ),
      'completed',
    );
  });

  it('withdrawal stops everything, but a window that had closed unanswered stays missed', () => {
    const withdrawn = { ...FACTS, withdrawnAt: at('2026-06-01T00:00:00Z') };
    assert.equal(followupState(withdrawn, at('2026-05-31T00:00:00Z')), 'open');
    assert.equal(followupState(withdrawn, at('2026-06-01T00:00:00Z')), 'withdrawn');
    assert.equal(
      followupState(
        { ...FACTS, withdrawnAt: at('2026-07-01T00:00:00Z') },
        at('2026-08-01T00:00:00Z'),
      ),
      'missed',
    );
    assert.equal(
      followupState(
        { ...FACTS, cancelledAt: at('2026-05-01T00:00:00Z') },
        at('2026-06-01T00:00:00Z'),
      ),
      'cancelled',
    );
  });

  it('reminders only while open or overdue', () => {
    assert.deepEqual(FOLLOWUP_STATES.filter(mayRemind), ['open', 'overdue']);
  });

  it('property: without answers or withdrawal the state only moves forward in time', () => {
    const order = ['scheduled', 'open', 'overdue', 'missed'];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        (offset, step) => {
          const t = FACTS.opensAt.getTime() + offset;
          const first = order.indexOf(followupState(FACTS, new Date(t)));
          const second = order.indexOf(followupState(FACTS, new Date(t + step)));
          assert.ok(first >= 0 && second >= first);
        },
      ),
    );
  });

  it('response delay in whole seconds, never negative', () => {
    assert.equal(
      responseDelaySeconds(at('2026-05-25T22:00:00Z'), at('2026-05-27T09:30:15.900Z')),
      127_815,
    );
    assert.equal(responseDelaySeconds(at('2026-05-25T22:00:00Z'), at('2026-05-25T21:00:00Z')), 0);
  });
});
