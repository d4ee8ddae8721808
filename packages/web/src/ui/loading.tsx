import { useTranslation } from 'react-i18next';

/** What shows while a page's data or code loads; announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
