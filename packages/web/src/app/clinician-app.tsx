import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { createStaffApi } from '../api-client';
import { SignInPage } from '../features/auth/sign-in-page';
import { FOLLOWUP_PATH } from '../features/dashboard/dashboard-access';
import { FollowupDashboardPage } from '../features/dashboard/followup-dashboard-page';
import { OUTBOX_PATH } from '../features/outbox/outbox-access';
import { OutboxPage } from '../features/outbox/outbox-page';
import { PatientListPage } from '../features/patients/patient-list-page';
import { PatientPage } from '../features/patients/patient-page';
import { MeetingPrintPage } from '../features/cdm/meeting-print-page';
import { NotificationsPage } from '../features/vocational/notifications-page';
import { ReferralQueuePage } from '../features/vocational/referral-queue-page';
import { NOTIFICATIONS_PATH, REFERRALS_PATH } from '../features/vocational/vocational-access';
import { NotFoundPage } from './not-found-page';
import { PATIENTS_PATH } from './paths';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session';
import { StaffApiContext } from './staff-api-context';
import { cdmEn, cdmSv } from '../features/cdm/messages';
import { rtwEn, rtwSv } from '../features/rtw/messages';
import { vocationalEn, vocationalSv } from '../features/vocational/messages';
import { registerMessages } from '../i18n/index';

// The staff features' texts come with this chunk, not with the patient's first download.
registerMessages('cdm', cdmEn, cdmSv);
registerMessages('rtw', rtwEn, rtwSv);
registerMessages('vocational', vocationalEn, vocationalSv);

/**
 * The staff workspace: sign-in and, behind it, the caseload and patient pages, the follow-up
 * dashboard and the outbox.
 */
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
            <Route path={FOLLOWUP_PATH} element={<FollowupDashboardPage />} />
            <Route path={OUTBOX_PATH} element={<OutboxPage />} />
            <Route path={REFERRALS_PATH} element={<ReferralQueuePage />} />
            <Route path={NOTIFICATIONS_PATH} element={<NotificationsPage />} />
            <Route
              path="/patients/:patientId/cdm-meetings/:meetingId/print"
              element={<MeetingPrintPage />}
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </StaffApiContext>
    </QueryClientProvider>
  );
}
