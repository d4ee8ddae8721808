import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@workup/contracts';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { SESSION_QUERY_KEY } from '../features/auth/use-session';
import { canReadDashboard, FOLLOWUP_PATH } from '../features/dashboard/dashboard-access';
import { canReadOutbox, OUTBOX_PATH } from '../features/outbox/outbox-access';
import { NotificationsNavLabel } from '../features/vocational/notifications-nav-label';
import {
  canReadNotifications,
  canReadReferralQueue,
  NOTIFICATIONS_PATH,
  REFERRALS_PATH,
} from '../features/vocational/vocational-access';
import { PATIENTS_PATH } from './paths';
import { SiteHeader } from './site-header';
import { useStaffApi } from './staff-api-context';

interface ClinicianLayoutProps {
  readonly session: SessionInfo;
  readonly children: ReactNode;
}

/** Header, navigation and the main region of every signed-in page. */
export function ClinicianLayout({ session, children }: ClinicianLayoutProps) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const queryClient = useQueryClient();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After client-side navigation, start keyboard and screen reader users at the new page.
  useEffect(() => {
    if (location.pathname !== firstPath.current) {
      firstPath.current = '';
      mainRef.current?.focus();
    }
  }, [location.pathname]);

  const signOut = useMutation({
    mutationFn: () => api.signOut(),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
  });

  return (
    <>
      <SiteHeader>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <NavLink to={PATIENTS_PATH} end={false}>
            {t('nav.patients')}
          </NavLink>
          {canReadDashboard(session.user.role) ? (
            <NavLink to={FOLLOWUP_PATH}>{t('nav.followup')}</NavLink>
          ) : null}
          {canReadOutbox(session.user.role) ? (
            <NavLink to={OUTBOX_PATH}>{t('nav.outbox')}</NavLink>
          ) : null}
          {canReadReferralQueue(session.user.role) ? (
            <NavLink to={REFERRALS_PATH}>{t('nav.referrals')}</NavLink>
          ) : null}
          {canReadNotifications(session.user.role) ? (
            <NavLink to={NOTIFICATIONS_PATH}>
              <NotificationsNavLabel />
            </NavLink>
          ) : null}
        </nav>
        <div className="site-header__user">
          <span>{t('auth.signedInAs', { name: session.user.displayName })}</span>
          <button
            type="button"
            className="link-button link-button--inverse"
            onClick={() => {
              signOut.mutate();
            }}
            disabled={signOut.isPending}
          >
            {t('auth.signOut')}
          </button>
        </div>
      </SiteHeader>
      <main id="main-content" className="page" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
