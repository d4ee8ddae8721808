import { useTranslation } from 'react-i18next';
import { isApiError } from '../api-client';

interface ServiceProblemProps {
  readonly error: unknown;
  readonly onRetry?: () => void;
}

/** A failed load that the user can only retry: the server is unreachable or misbehaving. */
export function ServiceProblem({ error, onRetry }: ServiceProblemProps) {
  const { t } = useTranslation();
  const message = isApiError(error, 'network_error')
    ? t('common.errors.network_error')
    : t('common.errors.generic');
  return (
    <div className="notice notice--error" role="alert">
      <p>{message}</p>
      {onRetry === undefined ? null : (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
