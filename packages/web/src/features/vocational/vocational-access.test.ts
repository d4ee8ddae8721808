import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canReadNotifications, canReadReferralQueue, queueViewOf } from './vocational-access';

test('the queue is for advisers and clinicians; notifications for clinicians', () => {
  assert.equal(canReadReferralQueue('vocational_adviser'), true);
  assert.equal(canReadReferralQueue('clinician'), true);
  assert.equal(canReadReferralQueue('researcher'), false);
  assert.equal(canReadNotifications('clinician'), true);
  assert.equal(canReadNotifications('vocational_adviser'), false);
});

test('the list in the address: inbox, caseload or closed; anything else is the inbox', () => {
  assert.equal(queueViewOf('caseload'), 'caseload');
  assert.equal(queueViewOf('closed'), 'closed');
  assert.equal(queueViewOf(null), 'inbox');
  assert.equal(queueViewOf('everything'), 'inbox');
});
