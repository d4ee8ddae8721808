import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BASELINE_INSTRUMENTS } from '@workup/contracts';
import type { CreateLinkRequest, QuestionnaireLink } from '@workup/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { formatDateTime } from '../../ui/format';
import { patientQueryKey } from './patient-queries';
import { QrCode } from './qr-code';

type CopyState = 'idle' | 'copied' | 'failed';

interface QuestionnaireLinkPanelProps {
  readonly patientId: string;
}

/**
 * Issues a STarT Back link for the patient and shows it once, with a copy button. The server
 * keeps only a hash of the token, so the link cannot be shown again after leaving the page.
 */
export function QuestionnaireLinkPanel({ patientId }: QuestionnaireLinkPanelProps) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<QuestionnaireLink | null>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const inputRef = useRef<HTMLInputElement>(null);
  const wording = useQuery({
    queryKey: ['instrument', 'sbt', i18n.language],
    queryFn: () => api.getInstrument('sbt', i18n.language),
    staleTime: Infinity,
  });

  const create = useMutation({
    mutationFn: (request: CreateLinkRequest) => api.createQuestionnaireLink(patientId, request),
    onSuccess: async (created) => {
      setLink(created);
      setCopy('idle');
      await queryClient.invalidateQueries({ queryKey: patientQueryKey(patientId) });
    },
  });

  useEffect(() => {
    if (link !== null) inputRef.current?.focus();
  }, [link]);

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

  return (
    <section aria-labelledby="link-title" className="panel">
      <h2 id="link-title">{t('patient.link.title')}</h2>
      <p>{t('patient.link.intro')}</p>
      {wording.data === undefined ? null : (
        <p className="notice" data-testid="wording-notice">
          {wording.data.wording === 'paraphrase'
            ? t('patient.link.paraphrase')
            : t('patient.link.licensed')}
        </p>
      )}
      {create.error !== null ? (
        <p className="notice notice--error" role="alert">
          {isApiError(create.error, 'network_error')
            ? t('common.errors.network_error')
            : t('common.errors.generic')}
        </p>
      ) : null}
      {link === null ? null : (
        <div className="link-box">
          <label className="field__label" htmlFor="questionnaire-link">
            {t('patient.link.label')}
          </label>
          <p id="questionnaire-link-hint" className="field__hint">
            {t('patient.link.expires', {
              date: formatDateTime(link.assignment.expiresAt, i18n.language),
            })}
          </p>
          <div className="link-box__row">
            <input
              id="questionnaire-link"
              ref={inputRef}
              className="input link-box__input"
              type="text"
              readOnly
              value={link.url}
              aria-describedby="questionnaire-link-hint"
              onFocus={(event) => {
                event.target.select();
              }}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void copyLink(link.url)}
            >
              {t('patient.link.copy')}
            </button>
          </div>
          <p role="status" className="link-box__status">
            {copy === 'copied' ? t('patient.link.copied') : null}
            {copy === 'failed' ? t('patient.link.copyFailed') : null}
          </p>
          <figure className="link-box__qr">
            <QrCode text={link.url} label={t('patient.link.qrLabel')} />
            <figcaption className="field__hint">{t('patient.link.qrHint')}</figcaption>
          </figure>
        </div>
      )}
      <div className="button-group">
        <button
          type="button"
          className={link === null ? 'button' : 'button button--secondary'}
          disabled={create.isPending}
          onClick={() => {
            create.mutate({ instruments: [...BASELINE_INSTRUMENTS], timepoint: 'baseline' });
          }}
        >
          {t('patient.link.createBaseline')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          onClick={() => {
            create.mutate({ instrument: 'sbt' });
          }}
        >
          {t('patient.link.create')}
        </button>
      </div>
      <p role="status" className="link-box__status">
        {create.isPending ? t('patient.link.creating') : null}
      </p>
    </section>
  );
}
