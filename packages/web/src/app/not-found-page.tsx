import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/use-document-title';
import { PATIENTS_PATH } from './paths';

/** Any unknown path inside the staff workspace. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('common.notFound.title'));
  return (
    <>
      <h1>{t('common.notFound.title')}</h1>
      <p>{t('common.notFound.body')}</p>
      <p>
        <Link to={PATIENTS_PATH}>{t('common.notFound.link')}</Link>
      </p>
    </>
  );
}
