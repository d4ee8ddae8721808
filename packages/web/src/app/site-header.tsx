import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../ui/language-switch';

interface SiteHeaderProps {
  readonly children?: ReactNode;
}

/** The top bar of the staff workspace: skip link, service name, language, and `children`. */
export function SiteHeader({ children }: SiteHeaderProps) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('common.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-header__name">{t('common.appName')}</span>
          {children}
          <LanguageSwitch />
        </div>
      </header>
    </>
  );
}
