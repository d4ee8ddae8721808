import { useMutation } from '@tanstack/react-query';
import type { RecordSickLeaveRequest, SickLeaveSource } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { ErrorSummary } from '../../ui/error-summary';
import type { SummaryError } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { formatCalendarDate } from './calendar';
import { useRefreshTimeline } from './rtw-queries';
import {
  readSickLeaveForm,
  serverInvalidFields,
  SICK_LEAVE_DEGREES,
  SICK_LEAVE_FIELDS,
  SICK_LEAVE_SOURCES,
} from './sick-leave-values';
import type {
  SickLeaveDegreeChoice,
  SickLeaveField,
  SickLeaveFieldProblem,
} from './sick-leave-values';

const FIELD_IDS: Record<SickLeaveField, string> = {
  from: 'sick-leave-from',
  to: 'sick-leave-to',
  degree: 'sick-leave-degree-0',
  source: 'sick-leave-source-0',
};

/** Records one period of sick leave: first and last day (inclusive), degree and source. */
export function SickLeaveForm({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const refresh = useRefreshTimeline(patientId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [degree, setDegree] = useState<SickLeaveDegreeChoice | null>(null);
  const [source, setSource] = useState<SickLeaveSource | null>(null);
  const [problems, setProblems] = useState<Partial<Record<SickLeaveField, SickLeaveFieldProblem>>>(
    {},
  );
  const [attempt, setAttempt] = useState(0);

  const record = useMutation({
    mutationFn: (request: RecordSickLeaveRequest) => api.recordSickLeave(patientId, request),
    onSuccess: async () => {
      setFrom('');
      setTo('');
      setDegree(null);
      setSource(null);
      await refresh();
    },
  });

  const serverError = record.error;
  const serverFields = isApiError(serverError, 'validation_failed')
    ? serverInvalidFields(serverError.fieldErrors)
    : [];
  const messages: Partial<Record<SickLeaveField, string>> = {};
  for (const field of SICK_LEAVE_FIELDS) {
    const problem = problems[field];
    if (problem !== undefined) messages[field] = t(`rtw.errors.${problem}`);
    else if (isApiError(serverError) && serverFields.includes(field)) {
      messages[field] = t('rtw.errors.server', { message: serverError.fieldErrors[field] ?? '' });
    }
  }
  const summary: SummaryError[] = SICK_LEAVE_FIELDS.flatMap((field) => {
    const message = messages[field];
    return message === undefined ? [] : [{ message, targetId: FIELD_IDS[field] }];
  });
  if (serverError !== null && serverFields.length === 0) {
    summary.push({
      message: isApiError(serverError, 'forbidden')
        ? t('rtw.errors.forbidden')
        : isApiError(serverError, 'network_error')
          ? t('common.errors.network_error')
          : isApiError(serverError, 'validation_failed')
            ? t('rtw.errors.server', { message: serverError.message })
            : t('common.errors.generic'),
    });
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    record.reset();
    setAttempt((count) => count + 1);
    const result = readSickLeaveForm({ from, to, degree, source });
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    record.mutate(result.request);
  };

  const describedBy = (field: SickLeaveField, hint?: string) =>
    [hint, messages[field] === undefined ? undefined : `${FIELD_IDS[field]}-error`]
      .filter((id) => id !== undefined)
      .join(' ') || undefined;

  return (
    <form
      noValidate
      onSubmit={submit}
      className="form-panel no-print"
      aria-labelledby="sick-leave-form-title"
    >
      <h3 id="sick-leave-form-title">{t('rtw.record.title')}</h3>
      <ErrorSummary errors={summary} attempt={attempt} />
      <div className="rtw-dates">
        <div className={messages.from === undefined ? 'field' : 'field field--error'}>
          <label className="field__label" htmlFor={FIELD_IDS.from}>
            {t('rtw.record.from')}
          </label>
          <FieldError id={`${FIELD_IDS.from}-error`} message={messages.from} />
          <input
            id={FIELD_IDS.from}
            className="input input--date"
            type="date"
            value={from}
            aria-invalid={messages.from === undefined ? undefined : true}
            aria-describedby={describedBy('from')}
            onChange={(event) => {
              setFrom(event.target.value);
            }}
          />
        </div>
        <div className={messages.to === undefined ? 'field' : 'field field--error'}>
          <label className="field__label" htmlFor={FIELD_IDS.to}>
            {t('rtw.record.to')}
          </label>
          <p id="sick-leave-to-hint" className="field__hint">
            {t('rtw.record.toHint')}
          </p>
          <FieldError id={`${FIELD_IDS.to}-error`} message={messages.to} />
          <input
            id={FIELD_IDS.to}
            className="input input--date"
            type="date"
            value={to}
            min={from === '' ? undefined : from}
            aria-invalid={messages.to === undefined ? undefined : true}
            aria-describedby={describedBy('to', 'sick-leave-to-hint')}
            onChange={(event) => {
              setTo(event.target.value);
            }}
          />
        </div>
      </div>
      <div className={messages.degree === undefined ? 'field' : 'field field--error'}>
        <fieldset className="fieldset" aria-describedby={describedBy('degree')}>
          <legend className="fieldset__legend field__label">{t('rtw.record.degree')}</legend>
          <FieldError id={`${FIELD_IDS.degree}-error`} message={messages.degree} />
          <div className="radios radios--inline">
            {SICK_LEAVE_DEGREES.map((value, index) => (
              <label className="radio" key={value} htmlFor={`sick-leave-degree-${String(index)}`}>
                <input
                  id={`sick-leave-degree-${String(index)}`}
                  className="radio__input"
                  type="radio"
                  name="sick-leave-degree"
                  value={value}
                  checked={degree === value}
                  onChange={() => {
                    setDegree(value);
                  }}
                />
                <span className="radio__label">
                  {t('rtw.record.degreeOption', { degree: value })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={messages.source === undefined ? 'field' : 'field field--error'}>
        <fieldset className="fieldset" aria-describedby={describedBy('source')}>
          <legend className="fieldset__legend field__label">{t('rtw.record.source')}</legend>
          <FieldError id={`${FIELD_IDS.source}-error`} message={messages.source} />
          <div className="radios radios--inline">
            {SICK_LEAVE_SOURCES.map((value, index) => (
              <label className="radio" key={value} htmlFor={`sick-leave-source-${String(index)}`}>
                <input
                  id={`sick-leave-source-${String(index)}`}
                  className="radio__input"
                  type="radio"
                  name="sick-leave-source"
                  value={value}
                  checked={source === value}
                  onChange={() => {
                    setSource(value);
                  }}
                />
                <span className="radio__label">{t(`rtw.record.sources.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <button type="submit" className="button" disabled={record.isPending}>
        {t('rtw.record.submit')}
      </button>
      <p role="status" className="link-box__status">
        {record.isSuccess
          ? t('rtw.record.recorded', {
              from: formatCalendarDate(record.data.from, i18n.language),
              to: formatCalendarDate(record.data.to, i18n.language),
              degree: record.data.degree,
            })
          : null}
      </p>
    </form>
  );
}
