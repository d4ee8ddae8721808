import { useTranslation } from 'react-i18next';

interface ReferralPanelProps {
  readonly patientId: string;
}

/** The patient's vocational advice referrals (being built: issue 7). */
export function ReferralPanel({ patientId }: ReferralPanelProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="referral-title" className="panel" data-patient={patientId}>
      <h2 id="referral-title">{t('vocational.panelTitle')}</h2>
    </section>
  );
}
