import { useMutation } from '@tanstack/react-query';
import type { CreatedEmployerLink, EmployerLink, Meeting } from '@workup/contracts';
import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import type { StaffApi } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { QrCode } from '../patients/qr-code';
import { parseLinkDays } from './cdm-model';
import { useMeetingChanged } from './cdm-queries';
import { LinkTable } from './link-table';

type CopyState = 'idle' | 'copied' | 'failed';
type Note = 'revoked' | 'refreshed' | null;

/** What differs between the employer's links and the patient's own approval links. */
export interface MeetingLinksAudience {
  /** Where the texts of this audience live (the copy texts are shared, under `cdm.links`). */
  readonly messages: 'cdm.links' | 'cdm.patientLinks';
  /** Prefix of the section's, the days field's and the list's element ids. */
  readonly idPrefix: string;
  /** Id of the new link's address field. */
  readonly urlId: string;
  readonly className: string;
  readonly defaultDays: string;
  /** The longest link the contract allows, in days; `parseLinkDays`' own maximum when absent. */
  readonly maxDays?: number;
  /** Whether the new link's address is also shown as a QR code. */
  readonly qrCode: boolean;
  /**
   * Whether one status note replaces the other (copying hides "revoked" and revoking hides
   * "copied"), or a copy note and a revoke note can stand side by side.
   */
  readonly oneNote: boolean;
  readonly links: (meeting: Meeting) => readonly EmployerLink[];
  readonly create: (
    api: StaffApi,
    patientId: string,
    meetingId: string,
    request: { expiresInDays: number },
  ) => Promise<CreatedEmployerLink>;
  readonly revoke: (
    api: StaffApi,
    patientId: string,
    meetingId: string,
    linkId: string,
  ) => Promise<EmployerLink>;
}

/**
 * Issue and revoke one audience's links to a meeting. A new link's address is shown once, with a
 * copy button (and, for the patient, a QR code) and a warning: the server keeps only a hash of
 * the token. The list shows each link's status and when it was last opened, with Revoke.
 */
export function MeetingLinks({
  patientId,
  meeting,
  audience,
  refresh,
}: {
  patientId: string;
  meeting: Meeting;
  audience: MeetingLinksAudience;
  /** "Check for the patient's choices": fetches the meetings again; no button when absent. */
  refresh?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const changed = useMeetingChanged(patientId);
  const { messages, idPrefix, urlId } = audience;
  const [days, setDays] = useState(audience.defaultDays);
  const [daysError, setDaysError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedEmployerLink | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [note, setNote] = useState<Note>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const links = audience.links(meeting);

  const refreshMeeting = async () => {
    await changed(await api.getMeeting(patientId, meeting.id));
  };

  const create = useMutation({
    mutationFn: (expiresInDays: number) =>
      audience.create(api, patientId, meeting.id, { expiresInDays }),
    onSuccess: async (link) => {
      setCreated(link);
      setCopy('idle');
      setNote(null);
      await refreshMeeting();
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => audience.revoke(api, patientId, meeting.id, linkId),
    onSuccess: async (link: EmployerLink) => {
      if (created?.link.id === link.id) setCreated(null);
      if (audience.oneNote) setCopy('idle');
      setNote('revoked');
      await refreshMeeting();
    },
  });

  useEffect(() => {
    if (created !== null) inputRef.current?.focus();
  }, [created]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseLinkDays(days, audience.maxDays);
    if (parsed === null) {
      setDaysError(t(`${messages}.daysInvalid`));
      document.getElementById(`${idPrefix}-days`)?.focus();
      return;
    }
    setDaysError(undefined);
    create.mutate(parsed);
  };

  const copyLink = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // Clipboard access needs a secure context and permission; offer manual copying instead.
      setCopy('failed');
      inputRef.current?.select();
    }
    if (audience.oneNote) setNote(null);
  };

  const checkAgain = async (fetchAgain: () => Promise<unknown>) => {
    setCopy('idle');
    setNote(null);
    setRefreshing(true);
    try {
      await fetchAgain();
      setNote('refreshed');
    } finally {
      setRefreshing(false);
    }
  };

  const failed = create.error ?? revoke.error;
  return (
    <section aria-labelledby={`${idPrefix}s-title`} className={audience.className}>
      <h4 id={`${idPrefix}s-title`}>{t(`${messages}.title`)}</h4>
      <p>{t(`${messages}.intro`)}</p>
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
          <label className="field__label" htmlFor={urlId}>
            {t(`${messages}.url`)}
          </label>
          <p id={`${urlId}-hint`} className="notice notice--important">
            {t(`${messages}.shownOnce`)}
          </p>
          <div className="link-box__row">
            <input
              id={urlId}
              ref={inputRef}
              className="input link-box__input"
              type="text"
              readOnly
              value={created.url}
              aria-describedby={`${urlId}-hint`}
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
          {audience.qrCode ? (
            <div className="cdm-patient-links__qr">
              <QrCode text={created.url} label={t('cdm.patientLinks.qrLabel')} />
            </div>
          ) : null}
        </div>
      )}
      <p role="status" className="link-box__status">
        {copy === 'copied' ? t('cdm.links.copied') : null}
        {copy === 'failed' ? t('cdm.links.copyFailed') : null}
        {note === 'revoked' ? t(`${messages}.revoked`) : null}
        {note === 'refreshed' ? t('cdm.patientLinks.refreshed') : null}
      </p>
      <form noValidate onSubmit={submit} className="no-print cdm-link-form">
        <div className={daysError === undefined ? 'field' : 'field field--error'}>
          <label className="field__label" htmlFor={`${idPrefix}-days`}>
            {t(`${messages}.days`)}
          </label>
          <p id={`${idPrefix}-days-hint`} className="field__hint">
            {t(`${messages}.daysHint`)}
          </p>
          <FieldError id={`${idPrefix}-days-error`} message={daysError} />
          <input
            id={`${idPrefix}-days`}
            className="input input--4"
            type="text"
            inputMode="numeric"
            value={days}
            aria-invalid={daysError === undefined ? undefined : true}
            aria-describedby={
              daysError === undefined
                ? `${idPrefix}-days-hint`
                : `${idPrefix}-days-hint ${idPrefix}-days-error`
            }
            onChange={(event) => {
              setDays(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t(`${messages}.create`)}
        </button>
      </form>
      <LinkTable
        links={links}
        captionId={`${idPrefix}s-list-title`}
        caption={t(`${messages}.listCaption`)}
        none={t(`${messages}.none`)}
        revokeLabel={(date) => t(`${messages}.revokeLabel`, { date })}
        revoking={revoke.isPending}
        onRevoke={(linkId) => {
          revoke.mutate(linkId);
        }}
      />
      {refresh === undefined || links.length === 0 ? null : (
        <p className="no-print">
          <button
            type="button"
            className="button button--secondary"
            disabled={refreshing}
            onClick={() => void checkAgain(refresh)}
          >
            {t('cdm.patientLinks.refresh')}
          </button>
        </p>
      )}
    </section>
  );
}
