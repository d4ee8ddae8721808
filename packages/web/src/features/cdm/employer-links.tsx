import { useMutation } from '@tanstack/react-query';
import type { CreatedEmployerLink, EmployerLink, Meeting } from '@workup/contracts';
import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { parseLinkDays } from './cdm-model';
import { useMeetingChanged } from './cdm-queries';
import { LinkTable } from './link-table';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Issue and revoke the employer's links. A new link's address is shown once, with a copy button
 * and a warning: the server keeps only a hash of the token.
 */
export function EmployerLinks({ patientId, meeting }: { patientId: string; meeting: Meeting }) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const changed = useMeetingChanged(patientId);
  const [days, setDays] = useState('30');
  const [daysError, setDaysError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedEmployerLink | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [revokedNote, setRevokedNote] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const refreshMeeting = async () => {
    await changed(await api.getMeeting(patientId, meeting.id));
  };

  const create = useMutation({
    mutationFn: (expiresInDays: number) =>
      api.createEmployerLink(patientId, meeting.id, { expiresInDays }),
    onSuccess: async (link) => {
      setCreated(link);
      setCopy('idle');
      setRevokedNote(false);
      await refreshMeeting();
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => api.revokeEmployerLink(patientId, meeting.id, linkId),
    onSuccess: async (link: EmployerLink) => {
      if (created?.link.id === link.id) setCreated(null);
      setRevokedNote(true);
      await refreshMeeting();
    },
  });

  useEffect(() => {
    if (created !== null) inputRef.current?.focus();
  }, [created]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseLinkDays(days);
    if (parsed === null) {
      setDaysError(t('cdm.links.daysInvalid'));
      document.getElementById('cdm-link-days')?.focus();
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
  };

  const failed = create.error ?? revoke.error;
  return (
    <section aria-labelledby="cdm-links-title" className="cdm-links">
      <h4 id="cdm-links-title">{t('cdm.links.title')}</h4>
      <p>{t('cdm.links.intro')}</p>
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
          <label className="field__label" htmlFor="cdm-employer-link">
            {t('cdm.links.url')}
          </label>
          <p id="cdm-employer-link-hint" className="notice notice--important">
            {t('cdm.links.shownOnce')}
          </p>
          <div className="link-box__row">
            <input
              id="cdm-employer-link"
              ref={inputRef}
              className="input link-box__input"
              type="text"
              readOnly
              value={created.url}
              aria-describedby="cdm-employer-link-hint"
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
        </div>
      )}
      <p role="status" className="link-box__status">
        {copy === 'copied' ? t('cdm.links.copied') : null}
        {copy === 'failed' ? t('cdm.links.copyFailed') : null}
        {revokedNote ? t('cdm.links.revoked') : null}
      </p>
      <form noValidate onSubmit={submit} className="no-print cdm-link-form">
        <div className={daysError === undefined ? 'field' : 'field field--error'}>
          <label className="field__label" htmlFor="cdm-link-days">
            {t('cdm.links.days')}
          </label>
          <p id="cdm-link-days-hint" className="field__hint">
            {t('cdm.links.daysHint')}
          </p>
          <FieldError id="cdm-link-days-error" message={daysError} />
          <input
            id="cdm-link-days"
            className="input input--4"
            type="text"
            inputMode="numeric"
            value={days}
            aria-invalid={daysError === undefined ? undefined : true}
            aria-describedby={
              daysError === undefined
                ? 'cdm-link-days-hint'
                : 'cdm-link-days-hint cdm-link-days-error'
            }
            onChange={(event) => {
              setDays(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('cdm.links.create')}
        </button>
      </form>
      <LinkTable
        links={meeting.links}
        captionId="cdm-links-list-title"
        caption={t('cdm.links.listCaption')}
        none={t('cdm.links.none')}
        revokeLabel={(date) => t('cdm.links.revokeLabel', { date })}
        revoking={revoke.isPending}
        onRevoke={(linkId) => {
          revoke.mutate(linkId);
        }}
      />
    </section>
  );
}
