import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api-client';
import { patientPath } from '../../app/paths';
import { ServiceProblem } from '../../app/service-problem';
import { useStaffApi } from '../../app/staff-api-context';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { canReadDashboard } from './dashboard-access';
import { formatCalendarDate, formatDays, formatRate } from './dashboard-format';

export const DASHBOARD_QUERY_KEY = ['followup', 'dashboard'] as const;

/** A unit's name is not in the dashboard: units are told apart by the start of their id. */
function unitLabel(unitId: string): string {
  return unitId.slice(0, 8);
}

function UnitTable({ unit, index }: { unit: Dashboard['units'][number]; index: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const titleId = `unit-${String(index)}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('followup.unitTitle', { unit: unitLabel(unit.unitId) })}</h3>
      <div className="table-wrapper">
        <table className="table">
          <caption className="visually-hidden">
            {t('followup.completionCaption', { unit: unitLabel(unit.unitId) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.timepoint')}</th>
              <th scope="col" className="num">
                {t('followup.due')}
              </th>
              <th scope="col" className="num">
                {t('followup.answered')}
              </th>
              <th scope="col" className="num">
                {t('followup.overdue')}
              </th>
              <th scope="col" className="num">
                {t('followup.missed')}
              </th>
              <th scope="col" className="num">
                {t('followup.responseRate')}
              </th>
              <th scope="col" className="num">
                {t('followup.medianDelay')}
              </th>
              <th scope="col" className="num">
                {t('followup.meanDelay')}
              </th>
            </tr>
          </thead>
          <tbody>
            {unit.timepoints.map((row) => (
              <tr key={row.timepoint}>
                <th scope="row">{row.timepoint}</th>
                <td className="num">{row.eligible}</td>
                <td className="num">{row.completed}</td>
                <td className="num">{row.overdue}</td>
                <td className="num">{row.missed}</td>
                <td className="num">{formatRate(row.responseRate, language)}</td>
                <td className="num">{formatDays(row.medianDelayDays, language)}</td>
                <td className="num">{formatDays(row.meanDelayDays, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OverdueList({ overdue }: { overdue: Dashboard['overdue'] }) {
  const { t, i18n } = useTranslation();
  if (overdue.length === 0) return <p>{t('followup.noneOverdue')}</p>;
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">{t('followup.overdueCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('followup.patient')}</th>
            <th scope="col">{t('followup.timepoint')}</th>
            <th scope="col">{t('followup.dueOn')}</th>
            <th scope="col">{t('followup.closesOn')}</th>
            <th scope="col" className="num">
              {t('followup.daysOverdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {overdue.map((item) => (
            <tr key={item.assignmentId}>
              <th scope="row">
                <Link to={patientPath(item.patientId)}>
                  {t('followup.patientLink', { id: item.patientId.slice(0, 8) })}
                </Link>
              </th>
              <td>{item.timepoint}</td>
              <td>{formatCalendarDate(item.dueOn, i18n.language)}</td>
              <td>{formatCalendarDate(item.closesOn, i18n.language)}</td>
              <td className="num">{item.daysOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A role the matrix does not allow: said plainly, instead of an error or an empty page. */
export function NotAllowed({ message }: { message: string }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
    </div>
  );
}

/**
 * Follow-up completion (issue 8): per unit and timepoint how many were due, answered, overdue
 * and missed, the response rate and the delay from opening to answer; then what is overdue,
 * longest first, each linking to the patient.
 */
export function FollowupDashboardPage() {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const session = useSession();
  const role = session.data?.user.role;
  const allowed = role !== undefined && canReadDashboard(role);
  const dashboard = useQuery({
    queryKey: DASHBOARD_QUERY_KEY,
    queryFn: () => api.getFollowupDashboard(),
    enabled: allowed,
    staleTime: 0,
  });
  useDocumentTitle(t('followup.title'));

  let body;
  if (!allowed || isApiError(dashboard.error, 'forbidden')) {
    body = <NotAllowed message={t('followup.forbidden')} />;
  } else if (dashboard.isPending) {
    body = <Loading />;
  } else if (dashboard.isError) {
    body = <ServiceProblem error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  } else {
    const { units, overdue, generatedAt } = dashboard.data;
    const empty = units.every((unit) => unit.timepoints.length === 0) && overdue.length === 0;
    body = empty ? (
      <p>{t('followup.empty')}</p>
    ) : (
      <>
        <p className="muted">
          {t('followup.generatedAt', {
            time: new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : i18n.language, {
              dateStyle: 'long',
              timeStyle: 'short',
            }).format(new Date(generatedAt)),
          })}
        </p>
        <section aria-labelledby="completion-title">
          <h2 id="completion-title">{t('followup.completionTitle')}</h2>
          {units
            .filter((unit) => unit.timepoints.length > 0)
            .map((unit, index) => (
              <UnitTable key={unit.unitId} unit={unit} index={index} />
            ))}
        </section>
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('followup.overdueTitle')}</h2>
          <OverdueList overdue={overdue} />
        </section>
      </>
    );
  }

  return (
    <>
      <h1>{t('followup.title')}</h1>
      {body}
    </>
  );
}
