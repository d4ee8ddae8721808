import { useTranslation } from 'react-i18next';

/** The referrer's notifications from vocational advice (being built: issue 7). */
export function NotificationsPage() {
  const { t } = useTranslation();
  return <h1>{t('vocational.notificationsTitle')}</h1>;
}
