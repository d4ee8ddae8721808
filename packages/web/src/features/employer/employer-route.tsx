import type { EmployerMeetingPage } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { createEmployerApi } from '../../api-client';
import type { EmployerApi } from '../../api-client';
import { formatDateTime } from '../../ui/format';
import { useDocumentTitle } from '../../ui/use-document-title';
import { EmployerDeadlines, SharedSections, ViewDates } from '../cdm/employer-view-sections';
import { employerProblemOf } from './employer-problem';
import type { EmployerProblem } from './employer-problem';
import { captureEmployerToken } from './employer-token';
import { LinkPage, useLinkPage } from './link-page';
import type { LinkKind } from './link-page';
import { registerMessages } from '../../i18n/index';
import { cdmEn, cdmSv } from '../cdm/messages';
import { rtwEn, rtwSv } from '../rtw/messages';

// The meeting's texts, and the deadlines' names (the RTW texts), come with this chunk.
registerMessages('cdm', cdmEn, cdmSv);
registerMessages('rtw', rtwEn, rtwSv);

/** The employer's link: a missing token is a link that is not valid. */
const EMPLOYER_LINK: LinkKind<EmployerApi, EmployerMeetingPage, EmployerProblem> = {
  captureToken: captureEmployerToken,
  noToken: 'invalid_link',
  createApi: createEmployerApi,
  load: (api) => api.getMeeting(),
  problemOf: employerProblemOf,
};

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
  const { state, retry } = useLinkPage(EMPLOYER_LINK);
  return (
    <LinkPage
      mainClassName="page cdm-employer"
      state={state}
      onRetry={retry}
      problemText={(t, problem, part) => t(`cdm.employer.problems.${problem}.${part}`)}
    >
      {(page) => <MeetingPage page={page} />}
    </LinkPage>
  );
}
