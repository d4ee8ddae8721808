import { useTranslation } from 'react-i18next';

/** The printable action plan of a meeting (being built: issue 7). */
export function MeetingPrintPage() {
  const { t } = useTranslation();
  return <h1>{t('cdm.printTitle')}</h1>;
}
