import { useTranslation } from 'react-i18next';

interface RtwPanelProps {
  readonly patientId: string;
}

/** Sick leave, RTW and the patient's timeline (being built: issue 7). */
export function RtwPanel({ patientId }: RtwPanelProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rtw-title" className="panel" data-patient={patientId}>
      <h2 id="rtw-title">{t('rtw.panelTitle')}</h2>
    </section>
  );
}
