import { useTranslation } from 'react-i18next';

/** The vocational adviser's referral inbox and caseload (being built: issue 7). */
export function ReferralQueuePage() {
  const { t } = useTranslation();
  return <h1>{t('vocational.queueTitle')}</h1>;
}
