import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Loading } from '../ui/loading';
import { APPROVAL_PATH, EMPLOYER_PATH, RESPOND_PATH } from './paths';

// Separate chunks: the patient's questionnaire and approval pages stay small on a phone, and
// none of the staff code (or TanStack Query) is downloaded by a patient or an employer.
const RespondRoute = lazy(() =>
  import('../features/respond/respond-route').then((module) => ({ default: module.RespondRoute })),
);
const EmployerRoute = lazy(() =>
  import('../features/employer/employer-route').then((module) => ({
    default: module.EmployerRoute,
  })),
);
const ApprovalRoute = lazy(() =>
  import('../features/approval/approval-route').then((module) => ({
    default: module.ApprovalRoute,
  })),
);
const ClinicianApp = lazy(() =>
  import('./clinician-app').then((module) => ({ default: module.ClinicianApp })),
);

/** The whole app: the patient route and, for every other path, the staff workspace. */
export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path={RESPOND_PATH} element={<RespondRoute />} />
          <Route path={EMPLOYER_PATH} element={<EmployerRoute />} />
          <Route path={APPROVAL_PATH} element={<ApprovalRoute />} />
          <Route path="*" element={<ClinicianApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
