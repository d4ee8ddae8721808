import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../ui/language-switch';

interface PatientLayoutProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** The patient's page frame: a plain header with the questionnaire's name, then the page. */
export function PatientLayout({ title, children }: PatientLayoutProps) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner site-header__inner--narrow">
          <span className="site-header__name">{title}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main-content" className="page page--narrow page--patient" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
