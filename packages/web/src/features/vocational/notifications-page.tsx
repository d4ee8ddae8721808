import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReferralNotificationRecord } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api-client';
import { patientPath } from '../../app/paths';
import { ServiceProblem } from '../../app/service-problem';
import { useStaffApi } from '../../app/staff-api-context';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { NotAllowed } from '../dashboard/followup-dashboard-page';
import { DeliveryStatus } from './referral-card';
import { newestNotificationsFirst } from './referral-logic';
import { canReadNotifications } from './vocational-access';
import { NOTIFICATIONS_QUERY_KEY, referralsQueryKey, useNotifications } from './vocational-queries';

function NotificationItem({ notification }: { notification: ReferralNotificationRecord }) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => api.markNotificationRead(notification.id),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: referralsQueryKey(notification.patientId) }),
      ]);
    },
  });
  const unread = notification.readAt === null;
  const titleId = `notification-${notification.id}-title`;
  return (
    <li
      className={unread ? 'notification notification--unread' : 'notification'}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="notification__title">
        {unread ? (
          <span className="tag notification__unread">{t('vocational.notifications.unread')}</span>
        ) : null}{' '}
        {t(`vocational.referrals.kinds.${notification.kind}`)}
      </h2>
      <p className="notification__message">{notification.message}</p>
      <p className="muted">
        <time dateTime={notification.createdAt}>
          {t('vocational.notifications.received', {
            time: formatDateTime(notification.createdAt, i18n.language),
          })}
        </time>
        {notification.readAt === null
          ? null
          : ` · ${t('vocational.notifications.readAt', {
              time: formatDateTime(notification.readAt, i18n.language),
            })}`}
      </p>
      <p>
        {t('vocational.notifications.email')}{' '}
        <DeliveryStatus delivery={notification.delivery} sentAt={notification.sentAt} />
      </p>
      <p className="notification__actions">
        <Link to={patientPath(notification.patientId)}>
          {t('vocational.notifications.openPatient')}
        </Link>
        {unread ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={markRead.isPending}
            onClick={() => {
              markRead.mutate();
            }}
          >
            {t('vocational.notifications.markRead')}
          </button>
        ) : null}
      </p>
      {markRead.isError ? (
        <p className="notice notice--error" role="alert">
          {isApiError(markRead.error, 'network_error')
            ? t('common.errors.network_error')
            : t('common.errors.generic')}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The referring clinician's notifications from vocational advice, newest first: what happened,
 * whether the e-mail went, a link to the patient, unread ones marked until read.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const role = session.data?.user.role;
  const allowed = role !== undefined && canReadNotifications(role);
  const notifications = useNotifications(allowed);
  useDocumentTitle(t('vocational.notificationsTitle'));

  let body;
  if (!allowed || isApiError(notifications.error, 'forbidden')) {
    body = <NotAllowed message={t('vocational.notifications.forbidden')} />;
  } else if (notifications.isPending) {
    body = <Loading />;
  } else if (notifications.isError) {
    body = (
      <ServiceProblem error={notifications.error} onRetry={() => void notifications.refetch()} />
    );
  } else if (notifications.data.notifications.length === 0) {
    body = <p>{t('vocational.notifications.empty')}</p>;
  } else {
    body = (
      <ol className="notifications" aria-label={t('vocational.notifications.listLabel')}>
        {newestNotificationsFirst(notifications.data.notifications).map((notification) => (
          <NotificationItem key={notification.id} notification={notification} />
        ))}
      </ol>
    );
  }

  return (
    <>
      <h1>{t('vocational.notificationsTitle')}</h1>
      {body}
    </>
  );
}
