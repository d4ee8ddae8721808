import { useTranslation } from 'react-i18next';
import { useNotifications } from './vocational-queries';

/**
 * "Notifications" in the main navigation, with the number unread when there are any (asked
 * again every half minute). Rendered only for roles that have notifications.
 */
export function NotificationsNavLabel() {
  const { t } = useTranslation();
  const notifications = useNotifications(true);
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      {t('nav.notifications')}
      {unread > 0 ? (
        <>
          {' '}
          <span className="nav-count" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">
            ({t('vocational.notifications.navUnread', { count: unread })})
          </span>
        </>
      ) : null}
    </>
  );
}
