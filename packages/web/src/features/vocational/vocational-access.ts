import { REFERRAL_VIEWS, type ReferralQueueQuery, type StaffRole } from '@workup/contracts';

/** Where the vocational adviser's referral inbox and caseload live. */
export const REFERRALS_PATH = '/referrals';
/** Where a clinician reads the feedback on their referrals. */
export const NOTIFICATIONS_PATH = '/notifications';

/**
 * Roles the server's matrix lets list the referral queue (`vocational_referral.list`): the
 * advisers who work it and the clinicians who refer.
 */
export const REFERRAL_QUEUE_ROLES: readonly StaffRole[] = ['vocational_adviser', 'clinician'];

export function canReadReferralQueue(role: StaffRole): boolean {
  return REFERRAL_QUEUE_ROLES.includes(role);
}

/** Notifications go to referrers: clinicians. */
export function canReadNotifications(role: StaffRole): boolean {
  return role === 'clinician';
}

/** The list the address asks for (`?view=`); the inbox when it names none or no such list. */
export function queueViewOf(value: string | null): ReferralQueueQuery['view'] {
  return REFERRAL_VIEWS.find((view) => view === value) ?? 'inbox';
}
