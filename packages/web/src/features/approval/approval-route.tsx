import type { PatientSharingPage, SharingItem } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { createSharingApi, isApiError } from '../../api-client';
import type { SharingApi } from '../../api-client';
import { formatDateTime } from '../../ui/format';
import { useDocumentTitle } from '../../ui/use-document-title';
import { formatCalendarDate } from '../cdm/calendar-date';
import { SharedSections, ViewDates } from '../cdm/employer-view-sections';
import { employerProblemOf } from '../employer/employer-problem';
import { APPROVAL_TOKEN_KEY, captureLinkToken } from '../employer/employer-token';
import { LinkPage, useLinkPage } from '../employer/link-page';
import type { LinkKind } from '../employer/link-page';
import {
  actionActor,
  decisionsFor,
  hasDecisions,
  hasUnsavedChanges,
  itemsBySection,
  localView,
  ticksFor,
} from './approval-model';
import type { Ticks } from './approval-model';
import { registerMessages } from '../../i18n/index';
import { cdmEn, cdmSv } from '../cdm/messages';

// The page's texts come with this chunk, not with the questionnaire's first download.
registerMessages('cdm', cdmEn, cdmSv);

/** Why the page cannot show the choices, each with its own page. */
type ApprovalProblem = 'no_token' | 'invalid_link' | 'link_expired' | 'unavailable';

/** The patient's approval link, its token kept apart from an employer's in the same tab. */
const APPROVAL_LINK: LinkKind<SharingApi, PatientSharingPage, ApprovalProblem> = {
  captureToken: (env) => captureLinkToken(env, APPROVAL_TOKEN_KEY),
  noToken: 'no_token',
  createApi: createSharingApi,
  load: (api) => api.getPage(),
  problemOf: employerProblemOf,
};

/** One item's tick: the whole row is the touch target; a health item cannot be ticked. */
function Choice({
  item,
  checked,
  onChange,
}: {
  item: SharingItem;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = `approval-item-${item.id}`;
  const noteId = `${id}-note`;
  return (
    <div className={item.shareable ? 'approval-choice' : 'approval-choice approval-choice--health'}>
      <input
        id={id}
        className="approval-choice__input"
        type="checkbox"
        checked={item.shareable && checked}
        disabled={!item.shareable}
        aria-describedby={item.shareable ? undefined : noteId}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id} className="approval-choice__label">
        {item.text}
        {item.section === 'actionPlan' && item.byWhen !== null ? (
          <span className="approval-choice__detail">
            {t('cdm.patientPage.actionDetail', {
              who: t(`cdm.actors.${actionActor(item)}`),
              date: formatCalendarDate(item.byWhen, i18n.language),
            })}
          </span>
        ) : null}
        {item.shareable ? null : (
          <span id={noteId} className="approval-choice__detail approval-choice__never">
            {t('cdm.patientPage.healthNever')}
          </span>
        )}
      </label>
    </div>
  );
}

/** What a failed save or withdrawal says when the page itself still stands. */
function failureText(error: unknown, t: TFunction): string {
  if (isApiError(error, 'network_error')) return t('common.errors.network_error');
  if (isApiError(error) && error.status === 422) return t('cdm.patientPage.errors.changed');
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return t('cdm.patientPage.errors.rejected', { detail: error.message });
  }
  return t('common.errors.generic');
}

function ChoicesPage({
  api,
  page,
  onPage,
  onProblem,
}: {
  api: SharingApi;
  page: PatientSharingPage;
  onPage: (page: PatientSharingPage) => void;
  onProblem: (problem: ApprovalProblem) => void;
}) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('cdm.patientPage.title'));
  const [edits, setEdits] = useState<Ticks>({});
  const [busy, setBusy] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [status, setStatus] = useState<'saved' | 'withdrawn' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const ticks = ticksFor(page.items, edits);
  const unsaved = hasUnsavedChanges(page.items, ticks);
  const view = unsaved ? localView(page, ticks) : page.preview.view;
  const groups = itemsBySection(page.items);
  const shareable = page.items.some((item) => item.shareable);

  /** Runs a call that answers with the page; a dead link turns the whole page into its problem. */
  const run = async (call: () => Promise<PatientSharingPage>, done: 'saved' | 'withdrawn') => {
    setBusy(true);
    setFailure(null);
    setStatus(null);
    try {
      const updated = await call();
      setEdits({});
      setConfirmWithdraw(false);
      onPage(updated);
      setStatus(done);
    } catch (error) {
      const problem = employerProblemOf(error);
      if (problem === 'invalid_link' || problem === 'link_expired') {
        onProblem(problem);
        return;
      }
      setFailure(failureText(error, t));
      // The meeting changed under the patient's ticks: show it as it is now.
      if (isApiError(error) && (error.status === 422 || error.status === 409)) {
        try {
          onPage(await api.getPage());
          setEdits({});
        } catch {
          // The failure above already says what went wrong; the old page stays.
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => api.recordDecisions(decisionsFor(page.items, ticks)), 'saved');
  };

  return (
    <>
      <h1>
        <span className="caption">
          {t('cdm.patientPage.workplace', { name: page.employerName })}
        </span>
        {t('cdm.patientPage.title')}
      </h1>
      <p className="approval-page__lead">{t('cdm.patientPage.intro')}</p>
      {page.revokedAt === null ? null : (
        <p className="notice notice--important">
          {t('cdm.patientPage.revokedNotice', {
            date: formatDateTime(page.revokedAt, i18n.language),
          })}
        </p>
      )}
      {groups.length === 0 ? (
        <p>{t('cdm.patientPage.nothingToChoose')}</p>
      ) : (
        <form noValidate onSubmit={save} className="approval-form">
          <h2>{t('cdm.patientPage.choicesTitle')}</h2>
          <p>{t('cdm.patientPage.howTo')}</p>
          {groups.map((group) => (
            <fieldset className="fieldset approval-group" key={group.section}>
              <legend className="fieldset__legend approval-group__legend">
                {t(`cdm.patientPage.sections.${group.section}`)}
              </legend>
              {group.items.map((item) => (
                <Choice
                  key={item.id}
                  item={item}
                  checked={ticks[item.id] ?? false}
                  onChange={(checked) => {
                    setStatus(null);
                    setFailure(null);
                    setEdits({ ...edits, [item.id]: checked });
                  }}
                />
              ))}
            </fieldset>
          ))}
          <section
            aria-labelledby="approval-preview-title"
            className="cdm-preview approval-preview"
            data-state={unsaved ? 'unsaved' : 'saved'}
          >
            <h2 id="approval-preview-title">{t('cdm.patientPage.previewTitle')}</h2>
            <p className={unsaved ? 'notice notice--important' : 'muted'}>
              {unsaved ? t('cdm.patientPage.previewUnsaved') : t('cdm.patientPage.previewSaved')}
            </p>
            <div className="cdm-preview__page">
              <ViewDates view={view} />
              <SharedSections view={view} level={3} idPrefix="approval-preview" />
            </div>
          </section>
          {failure === null ? null : (
            <p className="notice notice--error" role="alert">
              {failure}
            </p>
          )}
          {shareable ? (
            <button type="submit" className="button approval-page__button" disabled={busy}>
              {t('cdm.patientPage.save')}
            </button>
          ) : null}
        </form>
      )}
      <p role="status" className="link-box__status approval-page__status">
        {status === 'saved' ? t('cdm.patientPage.saved') : null}
        {status === 'withdrawn' ? t('cdm.patientPage.withdrawn') : null}
      </p>
      {hasDecisions(page.items) ? (
        <div className="approval-withdraw">
          {confirmWithdraw ? (
            <p className="notice notice--important">{t('cdm.patientPage.withdrawConfirm')}</p>
          ) : null}
          <div className="button-group">
            <button
              type="button"
              className="button button--secondary cdm-button--danger approval-page__button"
              disabled={busy}
              onClick={() => {
                setStatus(null);
                if (confirmWithdraw) void run(() => api.revoke(), 'withdrawn');
                else setConfirmWithdraw(true);
              }}
            >
              {confirmWithdraw
                ? t('cdm.patientPage.withdrawConfirmButton')
                : t('cdm.patientPage.withdraw')}
            </button>
            {confirmWithdraw ? (
              <button
                type="button"
                className="button button--secondary approval-page__button"
                onClick={() => {
                  setConfirmWithdraw(false);
                }}
              >
                {t('cdm.patientPage.cancel')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <p className="muted">
        {t('cdm.patientPage.expires', { date: formatDateTime(page.expiresAt, i18n.language) })}
      </p>
    </>
  );
}

/**
 * `/a#<token>`: the patient chooses, on their own phone or computer, what the employer sees of a
 * Convergence Dialogue Meeting, item by item, with a live preview of the employer's page, and can
 * withdraw everything. No staff code, no TanStack Query, no cookies: the token is the only
 * credential, moved out of the address bar on arrival and sent as a Bearer header.
 */
export function ApprovalRoute() {
  const { api, state, retry, showPage, showProblem } = useLinkPage(APPROVAL_LINK);
  return (
    <LinkPage
      mainClassName="page page--patient approval-page"
      state={state}
      onRetry={retry}
      problemText={(t, problem, part) => t(`cdm.patientPage.problems.${problem}.${part}`)}
    >
      {(page) =>
        api === null ? null : (
          <ChoicesPage api={api} page={page} onPage={showPage} onProblem={showProblem} />
        )
      }
    </LinkPage>
  );
}
