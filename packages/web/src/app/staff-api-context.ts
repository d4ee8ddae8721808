import { createContext, useContext } from 'react';
import type { StaffApi } from '../api-client';

/** The staff API client of the running app; tests or stories may provide a fake. */
export const StaffApiContext = createContext<StaffApi | null>(null);

export function useStaffApi(): StaffApi {
  const api = useContext(StaffApiContext);
  if (api === null) throw new Error('useStaffApi needs a StaffApiContext provider');
  return api;
}
