import { useMutation } from '@tanstack/react-query';
import {
  SVAI_RISK_GROUPS,
  type CreateReferralRequest,
  type EligibilityCheck,
  type SvaiRiskGroup,
} from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { ErrorSummary } from '../../ui/error-summary';
import type { SummaryError } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { formatDateTime } from '../../ui/format';
import { plannedSessions } from './referral-logic';
import { useRefreshReferrals } from './vocational-queries';

const FIELDS = ['riskGroup', 'question', 'overrideReason'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_IDS: Record<Field, string> = {
  riskGroup: 'referral-risk-0',
  question: 'referral-question',
  overrideReason: 'referral-override',
};
const MESSAGE_KEYS = {
  riskGroup: 'vocational.refer.errors.riskGroup',
  question: 'vocational.refer.errors.question',
  overrideReason: 'vocational.refer.errors.override',
} as const;

/**
 * Refers the patient to vocational advice after a check: the risk group (with the SVAI sessions
 * it plans), the question to the service, and, when the check does not find the patient
 * eligible, the reason to refer anyway. The server runs the check again.
 */
export function ReferralForm({
  patientId,
  check,
  strugglingAtWork,
}: {
  patientId: string;
  check: EligibilityCheck;
  strugglingAtWork: boolean | null;
}) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const refresh = useRefreshReferrals(patientId);
  const [riskGroup, setRiskGroup] = useState<SvaiRiskGroup | null>(null);
  const [question, setQuestion] = useState('');
  const [override, setOverride] = useState('');
  const [invalid, setInvalid] = useState<readonly Field[]>([]);
  const [attempt, setAttempt] = useState(0);

  const create = useMutation({
    mutationFn: (request: CreateReferralRequest) => api.createReferral(patientId, request),
    onSuccess: async () => {
      setRiskGroup(null);
      setQuestion('');
      setOverride('');
      await refresh();
    },
  });

  const serverError = create.error;
  const serverInvalid: Field[] = isApiError(serverError, 'validation_failed')
    ? FIELDS.filter((field) => serverError.fieldErrors[field] !== undefined)
    : [];
  // The server checks again: it may find the patient not eligible where the check here did not.
  const needsOverride =
    check.eligibility.status !== 'eligible' || serverInvalid.includes('overrideReason');
  const messages: Partial<Record<Field, string>> = {};
  for (const field of [...invalid, ...serverInvalid]) messages[field] = t(MESSAGE_KEYS[field]);
  const summary: SummaryError[] = FIELDS.flatMap((field) => {
    const message = messages[field];
    return message === undefined ? [] : [{ message, targetId: FIELD_IDS[field] }];
  });
  if (serverError !== null && serverInvalid.length === 0) {
    summary.push({
      message: isApiError(serverError, 'forbidden')
        ? t('vocational.refer.errors.forbidden')
        : isApiError(serverError, 'network_error')
          ? t('common.errors.network_error')
          : isApiError(serverError) && serverError.status < 500
            ? t('vocational.actions.errors.conflict', { message: serverError.message })
            : t('common.errors.generic'),
    });
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.reset();
    setAttempt((count) => count + 1);
    const problems: Field[] = [];
    if (riskGroup === null) problems.push('riskGroup');
    if (question.trim() === '') problems.push('question');
    if (needsOverride && override.trim() === '') problems.push('overrideReason');
    setInvalid(problems);
    if (problems.length > 0 || riskGroup === null) return;
    create.mutate({
      strugglingAtWork,
      riskGroup,
      question: question.trim(),
      ...(needsOverride ? { overrideReason: override.trim() } : {}),
    });
  };

  const errorId = (field: Field) => `${FIELD_IDS[field]}-error`;
  return (
    <form
      noValidate
      onSubmit={submit}
      className="form-panel no-print"
      aria-labelledby="referral-form-title"
    >
      <h3 id="referral-form-title">{t('vocational.refer.title')}</h3>
      <ErrorSummary errors={summary} attempt={attempt} />
      <div className={messages.riskGroup === undefined ? 'field' : 'field field--error'}>
        <fieldset
          className="fieldset"
          aria-describedby={
            messages.riskGroup === undefined
              ? 'referral-risk-hint'
              : `referral-risk-hint ${errorId('riskGroup')}`
          }
        >
          <legend className="fieldset__legend field__label">
            {t('vocational.refer.riskGroup')}
          </legend>
          <p id="referral-risk-hint" className="field__hint">
            {t('vocational.refer.riskGroupHint')}
          </p>
          <FieldError id={errorId('riskGroup')} message={messages.riskGroup} />
          <div className="radios">
            {SVAI_RISK_GROUPS.map((group, index) => {
              const sessions = plannedSessions(group);
              return (
                <label className="radio" key={group} htmlFor={`referral-risk-${String(index)}`}>
                  <input
                    id={`referral-risk-${String(index)}`}
                    className="radio__input"
                    type="radio"
                    name="referral-risk"
                    value={group}
                    checked={riskGroup === group}
                    onChange={() => {
                      setRiskGroup(group);
                    }}
                  />
                  <span className="radio__label">
                    {t(`vocational.refer.riskGroups.${group}`)}{' '}
                    <span className="muted">
                      ({t('vocational.refer.sessions', { min: sessions.min, max: sessions.max })})
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      </div>
      <div className={messages.question === undefined ? 'field' : 'field field--error'}>
        <label className="field__label" htmlFor={FIELD_IDS.question}>
          {t('vocational.refer.question')}
        </label>
        <p id="referral-question-hint" className="field__hint">
          {t('vocational.refer.questionHint')}
        </p>
        <FieldError id={errorId('question')} message={messages.question} />
        <textarea
          id={FIELD_IDS.question}
          className="input textarea"
          rows={3}
          maxLength={2000}
          value={question}
          aria-invalid={messages.question === undefined ? undefined : true}
          aria-describedby={
            messages.question === undefined
              ? 'referral-question-hint'
              : `referral-question-hint ${errorId('question')}`
          }
          onChange={(event) => {
            setQuestion(event.target.value);
          }}
        />
      </div>
      {needsOverride ? (
        <div className={messages.overrideReason === undefined ? 'field' : 'field field--error'}>
          <label className="field__label" htmlFor={FIELD_IDS.overrideReason}>
            {t('vocational.refer.override', {
              status: t(`vocational.eligibility.statuses.${check.eligibility.status}`),
            })}
          </label>
          <p id="referral-override-hint" className="field__hint">
            {t('vocational.refer.overrideHint')}
          </p>
          <FieldError id={errorId('overrideReason')} message={messages.overrideReason} />
          <textarea
            id={FIELD_IDS.overrideReason}
            className="input textarea"
            rows={2}
            maxLength={500}
            value={override}
            aria-invalid={messages.overrideReason === undefined ? undefined : true}
            aria-describedby={
              messages.overrideReason === undefined
                ? 'referral-override-hint'
                : `referral-override-hint ${errorId('overrideReason')}`
            }
            onChange={(event) => {
              setOverride(event.target.value);
            }}
          />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={create.isPending}>
        {t('vocational.refer.submit')}
      </button>
      <p role="status" className="link-box__status">
        {create.isSuccess
          ? t('vocational.refer.referred', {
              date: formatDateTime(create.data.createdAt, i18n.language),
            })
          : null}
      </p>
    </form>
  );
}
