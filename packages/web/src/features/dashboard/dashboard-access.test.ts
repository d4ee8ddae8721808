import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_ROLES } from '@workup/contracts';
import { canReadOutbox } from '../outbox/outbox-access';
import { canListTasks } from '../patients/task-access';
import { canReadDashboard } from './dashboard-access';

/**
 * The server's matrix (packages/server/src/services/authorization.ts): `followup_dashboard.read`
 * for clinicians and vocational advisers, `outbox.list` and `red_flag_task.list` for clinicians
 * only. The web app may not
 * import the server, so the cells are copied here; the server still decides (403).
 */
const MATRIX = {
  dashboard: ['clinician', 'vocational_adviser'],
  outbox: ['clinician'],
  tasks: ['clinician'],
} as const;

test('the pages and their links show to exactly the roles the server matrix allows', () => {
  for (const role of STAFF_ROLES) {
    assert.equal(
      canReadDashboard(role),
      (MATRIX.dashboard as readonly string[]).includes(role),
      `dashboard for ${role}`,
    );
    assert.equal(
      canReadOutbox(role),
      (MATRIX.outbox as readonly string[]).includes(role),
      `outbox for ${role}`,
    );
    assert.equal(
      canListTasks(role),
      (MATRIX.tasks as readonly string[]).includes(role),
      `red-flag tasks for ${role}`,
    );
  }
  assert.equal(canReadOutbox('vocational_adviser'), false);
  assert.equal(canReadDashboard('researcher'), false);
  assert.equal(canReadDashboard('admin'), false);
});
