import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_ROLES } from '@workup/contracts';
import { PERMISSIONS } from '../../../../server/src/services/authorization';
import { canReadOutbox } from '../outbox/outbox-access';
import { canReadDashboard } from './dashboard-access';

test('the pages show to exactly the roles the server matrix allows', () => {
  for (const role of STAFF_ROLES) {
    assert.equal(
      canReadDashboard(role),
      (PERMISSIONS.followup_dashboard.read as readonly string[]).includes(role),
      `dashboard for ${role}`,
    );
    assert.equal(
      canReadOutbox(role),
      (PERMISSIONS.outbox.list as readonly string[]).includes(role),
      `outbox for ${role}`,
    );
  }
});
