import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';

/** The end of the questionnaire. No scores: they are for the clinician to discuss. */
export function DonePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('respond.doneTitle'));
  return (
    <div className="confirmation">
      <h1 id="page-heading" tabIndex={-1}>
        {t('respond.doneTitle')}
      </h1>
      <p>{t('respond.doneBody')}</p>
    </div>
  );
}
