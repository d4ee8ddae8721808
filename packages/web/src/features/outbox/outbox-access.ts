import type { StaffRole } from '@workup/contracts';

/**
 * The roles the server's matrix lets list the outbox (`authorization.ts`, `outbox.list`): the
 * messages hold contact details and live links, so the care team only.
 */
export const OUTBOX_ROLES: readonly StaffRole[] = ['clinician'];

export function canReadOutbox(role: StaffRole): boolean {
  return OUTBOX_ROLES.includes(role);
}

/** Where the outbox lives in the staff app. */
export const OUTBOX_PATH = '/outbox';
