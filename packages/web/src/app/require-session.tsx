import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/auth/use-session';
import { Loading } from '../ui/loading';
import { ClinicianLayout } from './clinician-layout';
import { SIGN_IN_PATH } from './paths';
import { ServiceProblem } from './service-problem';
import { SiteHeader } from './site-header';

/** Shows its child routes to a signed-in staff member; sends anyone else to sign in. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <>
        <SiteHeader />
        <main id="main-content" className="page" tabIndex={-1}>
          <ServiceProblem error={session.error} onRetry={() => void session.refetch()} />
        </main>
      </>
    );
  }
  if (session.data === null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <ClinicianLayout session={session.data}>
      <Outlet />
    </ClinicianLayout>
  );
}
