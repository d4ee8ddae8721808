import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { createStaffApi } from '../api-client';
import { SignInPage } from '../features/auth/sign-in-page';
import { PatientListPage } from '../features/patients/patient-list-page';
import { PatientPage } from '../features/patients/patient-page';
import { NotFoundPage } from './not-found-page';
import { PATIENTS_PATH } from './paths';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session';
import { StaffApiContext } from './staff-api-context';

/** The staff workspace: sign-in and, behind it, the caseload and patient pages. */
export function ClinicianApp() {
  const [api] = useState(() => createStaffApi());
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <StaffApiContext value={api}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<Navigate to={PATIENTS_PATH} replace />} />
            <Route path="/patients" element={<PatientListPage />} />
            <Route path="/patients/:patientId" element={<PatientPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </StaffApiContext>
    </QueryClientProvider>
  );
}
