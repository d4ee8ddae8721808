import type { StaffRole } from '@workup/contracts';

/**
 * The roles the server's matrix lets list a patient's red-flag tasks (`red_flag_task.list`):
 * clinicians. Others (a vocational adviser on the patient's page) do not ask, so they get no 403.
 */
export const TASK_ROLES: readonly StaffRole[] = ['clinician'];

export function canListTasks(role: StaffRole): boolean {
  return TASK_ROLES.includes(role);
}
