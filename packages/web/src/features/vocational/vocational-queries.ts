import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReferralQueueQuery } from '@workup/contracts';
import { useStaffApi } from '../../app/staff-api-context';
import { patientQueryKey } from '../patients/patient-queries';
import { timelineQueryKey } from '../rtw/rtw-queries';

export function referralsQueryKey(patientId: string) {
  return [...patientQueryKey(patientId), 'vocational-referrals'] as const;
}

export const REFERRAL_QUEUE_QUERY_KEY = ['vocational-referral-queue'] as const;
export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;

/** How often the notifications (and the unread count in the navigation) ask again. */
export const NOTIFICATIONS_REFRESH_MS = 30_000;

export function useReferrals(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: referralsQueryKey(patientId),
    queryFn: () => api.listReferrals(patientId),
    staleTime: 0,
  });
}

export function useReferralQueue(view: ReferralQueueQuery['view'], enabled: boolean) {
  const api = useStaffApi();
  return useQuery({
    queryKey: [...REFERRAL_QUEUE_QUERY_KEY, view] as const,
    queryFn: () => api.getReferralQueue({ view }),
    enabled,
    staleTime: 0,
  });
}

export function useNotifications(enabled: boolean) {
  const api = useStaffApi();
  return useQuery({
    queryKey: NOTIFICATIONS_QUERY_KEY,
    queryFn: () => api.listNotifications(),
    enabled,
    staleTime: 0,
    refetchInterval: NOTIFICATIONS_REFRESH_MS,
  });
}

/**
 * After a referral changes: the patient's referrals, the timeline (referral steps are dated
 * events on it), the queue and the notifications.
 */
export function useRefreshReferrals(patientId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: referralsQueryKey(patientId) }),
      queryClient.invalidateQueries({ queryKey: timelineQueryKey(patientId) }),
      queryClient.invalidateQueries({ queryKey: REFERRAL_QUEUE_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
    ]);
  };
}
