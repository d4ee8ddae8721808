import { useEffect, useId, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { focusElementById } from './focus';

/** One problem to fix; `targetId` is the field the link moves to, if any. */
export interface SummaryError {
  readonly message: string;
  readonly targetId?: string;
}

interface ErrorSummaryProps {
  readonly errors: readonly SummaryError[];
  /** Changes on every failed submit, so the summary takes focus again even if unchanged. */
  readonly attempt?: number;
}

/**
 * The list of problems at the top of a form. It takes focus when it appears so screen reader
 * users hear it at once; each entry links to the field to fix.
 */
export function ErrorSummary({ errors, attempt = 0 }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const messages = errors.map((error) => error.message).join('\n');

  useEffect(() => {
    if (messages !== '') ref.current?.focus();
  }, [messages, attempt]);

  if (errors.length === 0) return null;

  const follow = (targetId: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    focusElementById(targetId);
  };

  return (
    <div className="error-summary" ref={ref} role="group" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t('common.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.targetId ?? ''}${error.message}`}>
            {error.targetId === undefined ? (
              error.message
            ) : (
              <a href={`#${error.targetId}`} onClick={follow(error.targetId)}>
                {error.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
