import { useMutation } from '@tanstack/react-query';
import type { EmployerViewPreview, Meeting } from '@workup/contracts';
import type { TFunction } from 'i18next';
import { previewEmployerView } from '@workup/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { ServiceProblem } from '../../app/service-problem';
import { useStaffApi } from '../../app/staff-api-context';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import {
  approvalItems,
  choicesChanged,
  decisionSource,
  draftConsent,
  effectiveChoices,
  latestDecision,
  sharingRequest,
  type ApprovalItem,
  type ApprovalSection,
} from './cdm-model';
import { useEmployerPreview, useMeetingChanged } from './cdm-queries';
import { SharedSections, ViewDates } from './employer-view-sections';

const SECTION_ORDER: readonly ApprovalSection[] = [
  'obstacles',
  'resources',
  'employerView',
  'possibleAdjustments',
  'actionPlan',
];

function problemText(error: unknown, t: TFunction): string {
  if (isApiError(error, 'network_error')) return t('common.errors.network_error');
  if (isApiError(error) && error.status === 409) {
    return t('cdm.errors.conflict', { detail: error.message });
  }
  if (isApiError(error) && (error.status === 422 || error.status === 400)) {
    return t('cdm.errors.rejected', { detail: error.message });
  }
  return t('common.errors.generic');
}

/** The employer's view and what is kept back, as the patient approves it. */
function Preview({
  meeting,
  preview,
  unsaved,
}: {
  meeting: Meeting;
  preview: EmployerViewPreview;
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const textOf = new Map<string, string>([
    ...approvalItems(meeting.record).map((item): [string, string] => [item.id, item.text]),
    ...meeting.record.clinical.map((item): [string, string] => [item.id, item.text]),
  ]);
  const sectionName = (section: string) =>
    section === 'clinical' ||
    section === 'actionPlan' ||
    section === 'obstacles' ||
    section === 'resources' ||
    section === 'employerView' ||
    section === 'possibleAdjustments'
      ? t(`cdm.sections.${section}`)
      : section;
  return (
    <section
      aria-labelledby="cdm-preview-title"
      className="cdm-preview"
      data-state={unsaved ? 'unsaved' : 'recorded'}
    >
      <h4 id="cdm-preview-title">{t('cdm.preview.title')}</h4>
      {unsaved ? <p className="notice">{t('cdm.approval.unsaved')}</p> : null}
      <div className="cdm-preview__page">
        <ViewDates view={preview.view} />
        <SharedSections view={preview.view} level={5} idPrefix="cdm-preview" />
      </div>
      <h5 id="cdm-withheld-title">{t('cdm.preview.withheldTitle')}</h5>
      {preview.withheld.length === 0 ? (
        <p>{t('cdm.preview.noneWithheld')}</p>
      ) : (
        <ul className="cdm-withheld" aria-labelledby="cdm-withheld-title">
          {preview.withheld.map((item) => (
            <li key={`${item.section}-${item.itemId}`}>
              {t('cdm.preview.withheldItem', {
                section: sectionName(item.section),
                text: textOf.get(item.itemId) ?? t('cdm.preview.clinicalItem'),
                reason: t(`cdm.preview.withheldReasons.${item.reason}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DecisionNote({ item, meeting }: { item: ApprovalItem; meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  if (item.health) return <>{t('cdm.approval.healthNever')}</>;
  const decision = latestDecision(meeting.sharing, item.id);
  if (decision === null) return <>{t('cdm.approval.undecided')}</>;
  const source = decisionSource(decision);
  const choice = decision.share ? t('cdm.approval.decidedShared') : t('cdm.approval.decidedKept');
  const date = formatDateTime(decision.at, i18n.language);
  return (
    <>
      {source.via === 'patient'
        ? t('cdm.approval.decidedByPatient', { choice, date })
        : t('cdm.approval.decided', {
            choice,
            date,
            who: source.name ?? t('cdm.approval.colleague'),
          })}
    </>
  );
}

/**
 * The patient's approval, item by item: a tick per item to share with the employer (health
 * items cannot be ticked, and say why), beside a live preview of exactly what the employer will
 * see. The preview is the server's once the choices are recorded; while ticks are changed and
 * not yet recorded it is computed here by the same core function the server uses.
 */
export function ApprovalPanel({ patientId, meeting }: { patientId: string; meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const changed = useMeetingChanged(patientId);
  const preview = useEmployerPreview(patientId, meeting.id);
  const items = approvalItems(meeting.record);
  // Only the ticks changed here: everything else follows the meeting as last fetched, so the
  // patient's own choices (made on their link) appear when it is fetched again.
  const [edits, setEdits] = useState<Record<string, boolean>>({});
  const choices = effectiveChoices(items, meeting.sharing, edits);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [status, setStatus] = useState<'recorded' | 'revoked' | null>(null);

  const record = useMutation({
    mutationFn: () => {
      const request = sharingRequest(items, choices);
      if (request === null) throw new Error('nothing to record');
      return api.recordSharing(patientId, meeting.id, request);
    },
    onSuccess: async (updated) => {
      const refreshed = changed(updated);
      setEdits({});
      setStatus('recorded');
      await refreshed;
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.revokeSharing(patientId, meeting.id),
    onSuccess: async (updated) => {
      setConfirmRevoke(false);
      setStatus('revoked');
      // The withdrawal ends every decision: start again from nothing shared.
      const refreshed = changed(updated);
      setEdits({});
      await refreshed;
    },
  });

  const unsaved = choicesChanged(items, choices, meeting.sharing);
  const shownPreview: EmployerViewPreview | undefined = unsaved
    ? previewEmployerView(meeting.record, draftConsent(items, choices))
    : preview.data;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    record.mutate();
  };

  const shareable = items.some((item) => !item.health);
  return (
    <section aria-labelledby="cdm-approval-title" className="cdm-approval">
      <h4 id="cdm-approval-title">{t('cdm.approval.title')}</h4>
      <p>{t('cdm.approval.intro')}</p>
      {meeting.sharing.revokedAt === null ? null : (
        <p className="notice notice--important">
          {t(
            meeting.sharing.revokedVia === 'patient'
              ? 'cdm.approval.revokedByPatient'
              : 'cdm.approval.revoked',
            { date: formatDateTime(meeting.sharing.revokedAt, i18n.language) },
          )}
        </p>
      )}
      <div className="cdm-approval__grid">
        <form noValidate onSubmit={submit} className="cdm-approval__choices no-print">
          {items.length === 0 ? <p>{t('cdm.approval.nothingToApprove')}</p> : null}
          {SECTION_ORDER.map((section) => {
            const inSection = items.filter((item) => item.section === section);
            if (inSection.length === 0) return null;
            return (
              <fieldset className="fieldset cdm-approval__section" key={section}>
                <legend className="fieldset__legend field__label">
                  {t(`cdm.sections.${section}`)}
                </legend>
                <div className="checkboxes">
                  {inSection.map((item) => {
                    const id = `cdm-share-${item.id}`;
                    return (
                      <div className="checkbox cdm-share" key={item.id}>
                        <input
                          id={id}
                          className="checkbox__input"
                          type="checkbox"
                          checked={choices[item.id] ?? false}
                          disabled={item.health}
                          aria-describedby={`${id}-note`}
                          onChange={(event) => {
                            setStatus(null);
                            setEdits({ ...edits, [item.id]: event.target.checked });
                          }}
                        />
                        <div className="cdm-share__text">
                          <label htmlFor={id}>
                            <span className="visually-hidden">{t('cdm.approval.listLabel')}: </span>
                            {item.text}
                          </label>
                          <p id={`${id}-note`} className="field__hint cdm-share__note">
                            <DecisionNote item={item} meeting={meeting} />
                          </p>
                        </div>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          })}
          {record.isError ? (
            <p className="notice notice--error" role="alert">
              {problemText(record.error, t)}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={!shareable || record.isPending}>
            {t('cdm.approval.record')}
          </button>
        </form>
        <div className="cdm-approval__preview">
          {shownPreview !== undefined ? (
            <Preview meeting={meeting} preview={shownPreview} unsaved={unsaved} />
          ) : preview.isError ? (
            <ServiceProblem error={preview.error} onRetry={() => void preview.refetch()} />
          ) : (
            <Loading />
          )}
        </div>
      </div>
      <p role="status" className="link-box__status">
        {status === 'recorded' ? t('cdm.approval.recorded') : null}
        {status === 'revoked' ? t('cdm.approval.revokedNow') : null}
      </p>
      {revoke.isError ? (
        <p className="notice notice--error" role="alert">
          {problemText(revoke.error, t)}
        </p>
      ) : null}
      {meeting.sharing.decisions.length === 0 ? null : (
        <div className="no-print cdm-revoke">
          {confirmRevoke ? (
            <p className="notice notice--important">{t('cdm.approval.revokeConfirm')}</p>
          ) : null}
          <div className="button-group">
            <button
              type="button"
              className="button button--secondary cdm-button--danger"
              disabled={revoke.isPending}
              onClick={() => {
                setStatus(null);
                if (confirmRevoke) revoke.mutate();
                else setConfirmRevoke(true);
              }}
            >
              {confirmRevoke ? t('cdm.approval.revokeConfirmButton') : t('cdm.approval.revoke')}
            </button>
            {confirmRevoke ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setConfirmRevoke(false);
                }}
              >
                {t('cdm.cancelCorrection')}
              </button>
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
