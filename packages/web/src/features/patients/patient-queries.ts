import { useQuery } from '@tanstack/react-query';
import { useStaffApi } from '../../app/staff-api-context';

export const PATIENTS_QUERY_KEY = ['patients'] as const;

export function patientQueryKey(patientId: string) {
  return ['patients', patientId] as const;
}

/** The caseload of the signed-in staff member's unit. */
export function usePatientList() {
  const api = useStaffApi();
  return useQuery({ queryKey: PATIENTS_QUERY_KEY, queryFn: () => api.listPatients() });
}

/** One patient with links and STarT Back results. */
export function usePatient(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: patientQueryKey(patientId),
    queryFn: () => api.getPatient(patientId),
  });
}
