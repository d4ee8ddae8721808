import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the window title for the page, prefixed with "Error:" while the page shows errors, so
 * the first thing a screen reader announces after a failed submit is that something is wrong.
 */
export function useDocumentTitle(title: string, hasErrors = false): void {
  const { t } = useTranslation();
  const prefix = hasErrors ? `${t('common.errorPrefix')} ` : '';
  const full = `${prefix}${title} – ${t('common.titleSuffix')}`;
  useEffect(() => {
    document.title = full;
  }, [full]);
}
