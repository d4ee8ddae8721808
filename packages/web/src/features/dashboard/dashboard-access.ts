import type { StaffRole } from '@workup/contracts';

/**
 * The roles the server's matrix lets read the follow-up dashboard
 * (`packages/server/src/services/authorization.ts`, `followup_dashboard.read`). The page and its
 * link are hidden from the others; the server still decides, and a 403 shows as a message.
 */
export const DASHBOARD_ROLES: readonly StaffRole[] = ['clinician', 'vocational_adviser'];

export function canReadDashboard(role: StaffRole): boolean {
  return DASHBOARD_ROLES.includes(role);
}

/** Where the follow-up dashboard lives in the staff app. */
export const FOLLOWUP_PATH = '/follow-up';
