import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';
import type { LinkProblem } from './link-problem';

interface LinkProblemPageProps {
  readonly problem: LinkProblem;
  readonly onRetry?: () => void;
}

/** A link that cannot be used: what happened and what the patient can do. */
export function LinkProblemPage({ problem, onRetry }: LinkProblemPageProps) {
  const { t } = useTranslation();
  const title = t(`respond.problems.${problem}.title`);
  useDocumentTitle(title);
  return (
    <>
      <h1 id="page-heading" tabIndex={-1}>
        {title}
      </h1>
      <p>{t(`respond.problems.${problem}.body`)}</p>
      {problem === 'unavailable' && onRetry !== undefined ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </>
  );
}
