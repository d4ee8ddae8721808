import { REFERRAL_VIEWS, type ReferralQueue, type ReferralQueueQuery } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api-client';
import { patientPath } from '../../app/paths';
import { ServiceProblem } from '../../app/service-problem';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { NotAllowed } from '../dashboard/followup-dashboard-page';
import { canReadReferralQueue, queueViewOf, REFERRALS_PATH } from './vocational-access';
import { useReferralQueue } from './vocational-queries';

type View = ReferralQueueQuery['view'];
type StepKey = '0' | '1' | '2' | '3';

function QueueTable({ queue, view }: { queue: ReferralQueue; view: View }) {
  const { t, i18n } = useTranslation();
  if (queue.items.length === 0) return <p>{t(`vocational.queue.empty.${view}`)}</p>;
  return (
    <div className="table-wrapper">
      <table className="table">
        <caption className="visually-hidden">
          {t('vocational.queue.caption', { view: t(`vocational.queue.views.${view}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('vocational.queue.patient')}</th>
            <th scope="col">{t('vocational.queue.referred')}</th>
            <th scope="col">{t('vocational.queue.referrer')}</th>
            <th scope="col">{t('vocational.queue.riskGroup')}</th>
            <th scope="col">{t('vocational.queue.eligibility')}</th>
            <th scope="col">{t('vocational.queue.timing')}</th>
            <th scope="col">{t('vocational.queue.step')}</th>
            <th scope="col">{t('vocational.queue.status')}</th>
          </tr>
        </thead>
        <tbody>
          {queue.items.map(({ referral, patient }) => (
            <tr key={referral.id}>
              <th scope="row">
                <Link to={patientPath(patient.id)}>
                  {patient.givenName} {patient.familyName}
                </Link>
              </th>
              <td>{formatDateTime(referral.createdAt, i18n.language)}</td>
              <td>{referral.referrerName}</td>
              <td>
                <span className={`tag tag--${referral.riskGroup}`}>
                  {t(`vocational.refer.riskGroups.${referral.riskGroup}`)}
                </span>
              </td>
              <td>{t(`vocational.eligibility.statuses.${referral.eligibility.status}`)}</td>
              <td>{t(`vocational.eligibility.timings.${referral.timing.timing}`)}</td>
              <td>{t(`vocational.referrals.steps.${String(referral.state.step) as StepKey}`)}</td>
              <td>
                <span className={`tag referral-status referral-status--${referral.state.status}`}>
                  {t(`vocational.referrals.statuses.${referral.state.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The vocational adviser's work across their units: new referrals (Inbox), those accepted or in
 * progress (Caseload) and the closed ones; referring clinicians see the same lists.
 */
export function ReferralQueuePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const view = queueViewOf(params.get('view'));
  const session = useSession();
  const role = session.data?.user.role;
  const allowed = role !== undefined && canReadReferralQueue(role);
  const queue = useReferralQueue(view, allowed);
  useDocumentTitle(`${t('vocational.queueTitle')}: ${t(`vocational.queue.views.${view}`)}`);

  let body;
  if (!allowed || isApiError(queue.error, 'forbidden')) {
    body = <NotAllowed message={t('vocational.queue.forbidden')} />;
  } else if (queue.isPending) {
    body = <Loading />;
  } else if (queue.isError) {
    body = <ServiceProblem error={queue.error} onRetry={() => void queue.refetch()} />;
  } else {
    body = <QueueTable queue={queue.data} view={view} />;
  }

  return (
    <>
      <h1>{t('vocational.queueTitle')}</h1>
      <nav className="queue-tabs" aria-label={t('vocational.queue.viewsLabel')}>
        <ul>
          {REFERRAL_VIEWS.map((candidate) => (
            <li key={candidate}>
              <Link
                to={`${REFERRALS_PATH}?view=${candidate}`}
                aria-current={candidate === view ? 'page' : undefined}
                className={
                  candidate === view
                    ? 'queue-tabs__link queue-tabs__link--current'
                    : 'queue-tabs__link'
                }
              >
                {t(`vocational.queue.views.${candidate}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`vocational.queue.views.${view}`)}</h2>
      {body}
    </>
  );
}
