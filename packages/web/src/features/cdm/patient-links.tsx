import { useMutation } from '@tanstack/react-query';
import type { CreatedEmployerLink, EmployerLink, Meeting } from '@workup/contracts';
import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { QrCode } from '../patients/qr-code';
import { parseLinkDays } from './cdm-model';
import { useMeetingChanged, useRefreshMeetings } from './cdm-queries';
import { LinkTable } from './link-table';

type Note = 'copied' | 'copyFailed' | 'revoked' | 'refreshed' | null;

/** The contract's longest patient link, in days. */
const MAX_DAYS = 30;

/**
 * The patient's own approval links (`/a#<token>`): the patient chooses on their own phone or
 * computer what the employer sees. A new link's address is shown once, with a copy button and a
 * QR code; the list shows each link's status and when it was last opened, with Revoke. "Check for
 * the patient's choices" fetches the meeting and the preview again (they are also fetched every
 * half minute while a link is active).
 */
export function PatientLinks({ patientId, meeting }: { patientId: string; meeting: Meeting }) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const changed = useMeetingChanged(patientId);
  const refreshMeetings = useRefreshMeetings(patientId);
  const [days, setDays] = useState('7');
  const [daysError, setDaysError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedEmployerLink | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const refreshMeeting = async () => {
    await changed(await api.getMeeting(patientId, meeting.id));
  };

  const create = useMutation({
    mutationFn: (expiresInDays: number) =>
      api.createPatientLink(patientId, meeting.id, { expiresInDays }),
    onSuccess: async (link) => {
      setCreated(link);
      setNote(null);
      await refreshMeeting();
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => api.revokePatientLink(patientId, meeting.id, linkId),
    onSuccess: async (link: EmployerLink) => {
      if (created?.link.id === link.id) setCreated(null);
      setNote('revoked');
      await refreshMeeting();
    },
  });

  useEffect(() => {
    if (created !== null) inputRef.current?.focus();
  }, [created]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseLinkDays(days, MAX_DAYS);
    if (parsed === null) {
      setDaysError(t('cdm.patientLinks.daysInvalid'));
      document.getElementById('cdm-patient-link-days')?.focus();
      return;
    }
    setDaysError(undefined);
    create.mutate(parsed);
  };

  const copyLink = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setNote('copied');
    } catch {
      // Clipboard access needs a secure context and permission; offer manual copying instead.
      setNote('copyFailed');
      inputRef.current?.select();
    }
  };

  const refresh = async () => {
    setNote(null);
    setRefreshing(true);
    try {
      await refreshMeetings();
      setNote('refreshed');
    } finally {
      setRefreshing(false);
    }
  };

  const failed = create.error ?? revoke.error;
  return (
    <section aria-labelledby="cdm-patient-links-title" className="cdm-links cdm-patient-links">
      <h4 id="cdm-patient-links-title">{t('cdm.patientLinks.title')}</h4>
      <p>{t('cdm.patientLinks.intro')}</p>
      {failed === null ? null : (
        <p className="notice notice--error" role="alert">
          {isApiError(failed, 'network_error')
            ? t('common.errors.network_error')
            : isApiError(failed) && failed.status !== 500
              ? t('cdm.errors.rejected', { detail: failed.message })
              : t('common.errors.generic')}
        </p>
      )}
      {created === null ? null : (
        <div className="link-box cdm-link-once">
          <label className="field__label" htmlFor="cdm-patient-link">
            {t('cdm.patientLinks.url')}
          </label>
          <p id="cdm-patient-link-hint" className="notice notice--important">
            {t('cdm.patientLinks.shownOnce')}
          </p>
          <div className="link-box__row">
            <input
              id="cdm-patient-link"
              ref={inputRef}
              className="input link-box__input"
              type="text"
              readOnly
              value={created.url}
              aria-describedby="cdm-patient-link-hint"
              onFocus={(event) => {
                event.target.select();
              }}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void copyLink(created.url)}
            >
              {t('cdm.links.copy')}
            </button>
          </div>
          <div className="cdm-patient-links__qr">
            <QrCode text={created.url} label={t('cdm.patientLinks.qrLabel')} />
          </div>
        </div>
      )}
      <p role="status" className="link-box__status">
        {note === 'copied' ? t('cdm.links.copied') : null}
        {note === 'copyFailed' ? t('cdm.links.copyFailed') : null}
        {note === 'revoked' ? t('cdm.patientLinks.revoked') : null}
        {note === 'refreshed' ? t('cdm.patientLinks.refreshed') : null}
      </p>
      <form noValidate onSubmit={submit} className="no-print cdm-link-form">
        <div className={daysError === undefined ? 'field' : 'field field--error'}>
          <label className="field__label" htmlFor="cdm-patient-link-days">
            {t('cdm.patientLinks.days')}
          </label>
          <p id="cdm-patient-link-days-hint" className="field__hint">
            {t('cdm.patientLinks.daysHint')}
          </p>
          <FieldError id="cdm-patient-link-days-error" message={daysError} />
          <input
            id="cdm-patient-link-days"
            className="input input--4"
            type="text"
            inputMode="numeric"
            value={days}
            aria-invalid={daysError === undefined ? undefined : true}
            aria-describedby={
              daysError === undefined
                ? 'cdm-patient-link-days-hint'
                : 'cdm-patient-link-days-hint cdm-patient-link-days-error'
            }
            onChange={(event) => {
              setDays(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('cdm.patientLinks.create')}
        </button>
      </form>
      <LinkTable
        links={meeting.patientLinks}
        captionId="cdm-patient-links-list-title"
        caption={t('cdm.patientLinks.listCaption')}
        none={t('cdm.patientLinks.none')}
        revokeLabel={(date) => t('cdm.patientLinks.revokeLabel', { date })}
        revoking={revoke.isPending}
        onRevoke={(linkId) => {
          revoke.mutate(linkId);
        }}
      />
      {meeting.patientLinks.length === 0 ? null : (
        <p className="no-print">
          <button
            type="button"
            className="button button--secondary"
            disabled={refreshing}
            onClick={() => void refresh()}
          >
            {t('cdm.patientLinks.refresh')}
          </button>
        </p>
      )}
    </section>
  );
}
