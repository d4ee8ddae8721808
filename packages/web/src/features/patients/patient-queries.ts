import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseloadQuery } from '@workup/contracts';
import { useStaffApi } from '../../app/staff-api-context';

export const PATIENTS_QUERY_KEY = ['patients'] as const;

export function patientQueryKey(patientId: string) {
  return ['patients', patientId] as const;
}

/** How often an open caseload asks again, so a new red flag shows without a reload. */
export const CASELOAD_REFRESH_MS = 60_000;

/**
 * The caseload with red flags first, as filtered. Always fetched afresh when shown, and every
 * minute while it is open: a red flag reported meanwhile must not wait for a reload.
 */
export function useCaseload(query: CaseloadQuery) {
  const api = useStaffApi();
  return useQuery({
    queryKey: ['patients', 'caseload', query] as const,
    queryFn: () => api.getCaseload(query),
    staleTime: 0,
    refetchInterval: CASELOAD_REFRESH_MS,
  });
}

/** One patient with links and results. */
export function usePatient(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: () => api.getPatient(patientId),
    staleTime: 0,
  });
}

/** The patient's newest plan with its triage output (flags and their evidence), or null. */
export function useLatestPlan(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: [...patientQueryKey(patientId), 'plan'] as const,
    queryFn: async () => {
      const { plans } = await api.listPlans(patientId);
      const [newest] = plans;
      return newest === undefined ? null : api.getPlan(patientId, newest.id);
    },
    staleTime: 0,
  });
}

export function useProtocol(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: [...patientQueryKey(patientId), 'protocol'] as const,
    queryFn: () => api.listProtocol(patientId),
  });
}

export function useEpisodes(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: [...patientQueryKey(patientId), 'episodes'] as const,
    queryFn: () => api.listEpisodes(patientId),
  });
}

/** The patient's red-flag tasks; `enabled` false for a role that may not list them. */
export function useTasks(patientId: string, enabled = true) {
  const api = useStaffApi();
  return useQuery({
    queryKey: [...patientQueryKey(patientId), 'tasks'] as const,
    queryFn: () => api.listTasks(patientId),
    enabled,
    // Red flags are never shown from an old copy.
    staleTime: 0,
    refetchInterval: CASELOAD_REFRESH_MS,
  });
}

/** Reloads everything about a patient (and the caseload) after a change. */
export function useRefreshPatient(patientId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: PATIENTS_QUERY_KEY, exact: true });
    await queryClient.invalidateQueries({ queryKey: ['patients', 'caseload'] });
    await queryClient.invalidateQueries({ queryKey: patientQueryKey(patientId) });
  };
}
