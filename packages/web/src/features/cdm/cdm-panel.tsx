import { useTranslation } from 'react-i18next';

interface CdmPanelProps {
  readonly patientId: string;
}

/** The patient's Convergence Dialogue Meetings (being built: issue 7). */
export function CdmPanel({ patientId }: CdmPanelProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cdm-title" className="panel" data-patient={patientId}>
      <h2 id="cdm-title">{t('cdm.panelTitle')}</h2>
    </section>
  );
}
