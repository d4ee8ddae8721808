import { useTranslation } from 'react-i18next';

/** The employer's view of one meeting, opened from a scoped link `/e#<token>` (issue 7). */
export function EmployerRoute() {
  const { t } = useTranslation();
  return <h1>{t('cdm.employerTitle')}</h1>;
}
