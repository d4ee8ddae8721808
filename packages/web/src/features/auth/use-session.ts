import { useQuery } from '@tanstack/react-query';
import { useStaffApi } from '../../app/staff-api-context';

export const SESSION_QUERY_KEY = ['session'] as const;

/** The signed-in staff member (`null` when signed out), fetched once and then kept. */
export function useSession() {
  const api = useStaffApi();
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: () => api.getSession(),
    staleTime: Infinity,
  });
}
