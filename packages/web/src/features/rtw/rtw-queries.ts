import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useStaffApi } from '../../app/staff-api-context';
import { patientQueryKey } from '../patients/patient-queries';

/** Under the patient's key, so that reloading everything about a patient reloads these too. */
export function sickLeaveQueryKey(patientId: string) {
  return [...patientQueryKey(patientId), 'sick-leave'] as const;
}

export function timelineQueryKey(patientId: string) {
  return [...patientQueryKey(patientId), 'timeline'] as const;
}

export function useSickLeave(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: sickLeaveQueryKey(patientId),
    queryFn: () => api.listSickLeave(patientId),
    staleTime: 0,
  });
}

/** The timeline depends on today's date and on everything else on record: always fresh. */
export function useTimeline(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: timelineQueryKey(patientId),
    queryFn: () => api.getTimeline(patientId),
    staleTime: 0,
  });
}

/** After a change of sick leave or of anything dated (a referral step, a meeting). */
export function useRefreshTimeline(patientId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: sickLeaveQueryKey(patientId) }),
      queryClient.invalidateQueries({ queryKey: timelineQueryKey(patientId) }),
    ]);
  };
}
