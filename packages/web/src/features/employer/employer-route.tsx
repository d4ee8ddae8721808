import type { EmployerMeetingPage } from '@workup/contracts';
import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createEmployerApi } from '../../api-client';
import { formatDateTime } from '../../ui/format';
import { LanguageSwitch } from '../../ui/language-switch';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { EmployerDeadlines, SharedSections, ViewDates } from '../cdm/employer-view-sections';
import { employerProblemOf } from './employer-problem';
import type { EmployerProblem } from './employer-problem';
import { captureEmployerToken, sessionStorageOrNull } from './employer-token';
import { registerMessages } from '../../i18n/index';
import { cdmEn, cdmSv } from '../cdm/messages';
import { rtwEn, rtwSv } from '../rtw/messages';

// The meeting's texts, and the deadlines' names (the RTW texts), come with this chunk.
registerMessages('cdm', cdmEn, cdmSv);
registerMessages('rtw', rtwEn, rtwSv);

type PageState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly page: EmployerMeetingPage }
  | { readonly kind: 'problem'; readonly problem: EmployerProblem };

/** The employer's frame: the service's name and the language, no staff navigation. */
function EmployerLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-header__name">{t('common.appName')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main-content" className="page cdm-employer" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function ProblemPage({ problem, onRetry }: { problem: EmployerProblem; onRetry: () => void }) {
  const { t } = useTranslation();
  const title = t(`cdm.employer.problems.${problem}.title`);
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{t(`cdm.employer.problems.${problem}.body`)}</p>
      {problem === 'unavailable' ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </>
  );
}

function MeetingPage({ page }: { page: EmployerMeetingPage }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('cdm.employerTitle'));
  return (
    <>
      <h1>
        <span className="caption">{t('cdm.employer.workplace', { name: page.employerName })}</span>
        {t('cdm.employerTitle')}
      </h1>
      {page.employeeName === null ? null : (
        <p className="cdm-employee">{t('cdm.employer.employee', { name: page.employeeName })}</p>
      )}
      <p>{t('cdm.employer.intro')}</p>
      <p className="muted">
        {t('cdm.employer.expires', { date: formatDateTime(page.expiresAt, i18n.language) })}
      </p>
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('cdm.employer.print')}
        </button>
      </p>
      <h2>{t('cdm.view.datesTitle')}</h2>
      <ViewDates view={page.view} />
      <SharedSections view={page.view} level={2} idPrefix="employer" />
      <EmployerDeadlines checkpoints={page.checkpoints} level={2} idPrefix="employer" />
    </>
  );
}

/**
 * `/e#<token>`: the employer's view of one meeting, opened from the scoped link the clinician
 * sent. No staff code, no cookies: the token is the only credential, sent as a Bearer header.
 * The page shows the workplace, the meeting dates, what the employee chose to share, the action
 * plan, the review date, the employer's statutory deadlines and when the link stops working.
 */
export function EmployerRoute() {
  const [token] = useState(() =>
    captureEmployerToken({
      location: window.location,
      history: window.history,
      storage: sessionStorageOrNull(),
    }),
  );
  const [state, setState] = useState<PageState>(
    token === null ? { kind: 'problem', problem: 'invalid_link' } : { kind: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (token === null) return;
    let current = true;
    createEmployerApi(token)
      .getMeeting()
      .then(
        (page) => {
          if (current) setState({ kind: 'loaded', page });
        },
        (error: unknown) => {
          if (current) setState({ kind: 'problem', problem: employerProblemOf(error) });
        },
      );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return (
    <EmployerLayout>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'problem' ? <ProblemPage problem={state.problem} onRetry={retry} /> : null}
      {state.kind === 'loaded' ? <MeetingPage page={state.page} /> : null}
    </EmployerLayout>
  );
}
