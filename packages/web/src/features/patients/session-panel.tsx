import { useMutation } from '@tanstack/react-query';
import { PLAN_COMPONENT_CODES, type Plan } from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { formatDate } from '../../ui/format';
import { useProtocol, useRefreshPatient } from './patient-queries';

/** Today's date on this computer, `YYYY-MM-DD`. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Measures that are never a session's treatment (they are referrals or screening steps). */
const NOT_SESSION_MEASURES = new Set(['emergency_referral', 'urgent_referral', 'follow_up']);

/**
 * Fast entry of a treatment session: the day, a tick for each measure given (the plan's
 * components first, then the other measures of contracts.md §3a), and a note. Accepted or
 * changed components ticked here are marked delivered. The protocol so far is listed below.
 */
export function SessionPanel({ patientId, plan }: { patientId: string; plan: Plan | null }) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const refresh = useRefreshPatient(patientId);
  const protocol = useProtocol(patientId);
  const [day, setDay] = useState(localToday);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  const planCodes = plan?.components.map((component) => component.code) ?? [];
  const titleOf = new Map(plan?.components.map((c) => [c.code, c.title]) ?? []);
  const others = PLAN_COMPONENT_CODES.filter(
    (code) => !planCodes.includes(code) && !NOT_SESSION_MEASURES.has(code),
  );
  const measures: { code: string; label: string; inPlan: boolean }[] = [
    ...planCodes
      .filter((code) => !NOT_SESSION_MEASURES.has(code))
      .map((code) => ({ code, label: titleOf.get(code) ?? code, inPlan: true })),
    ...others.map((code) => ({ code, label: t(`components.${code}`), inPlan: false })),
  ];

  const record = useMutation({
    mutationFn: () =>
      api.recordSession(patientId, {
        performedOn: day,
        measures: chosen.map((interventionCode) => ({ interventionCode })),
        ...(note.trim() === '' ? {} : { notes: note.trim() }),
        ...(plan === null ? {} : { planId: plan.id }),
      }),
    onSuccess: async () => {
      setChosen([]);
      setNote('');
      await refresh();
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setError(t('session.chooseMeasure'));
      document.getElementById('session-measure-0')?.focus();
      return;
    }
    setError(undefined);
    record.mutate();
  };

  const entries = protocol.data?.entries ?? [];
  return (
    <section aria-labelledby="session-title" className="panel">
      <h2 id="session-title">{t('session.title')}</h2>
      <form noValidate onSubmit={submit} className="no-print">
        <div className="field">
          <label className="field__label" htmlFor="session-day">
            {t('session.day')}
          </label>
          <input
            id="session-day"
            className="input input--date"
            type="date"
            value={day}
            max={localToday()}
            onChange={(event) => {
              setDay(event.target.value);
            }}
          />
        </div>
        <div className={error === undefined ? 'field' : 'field field--error'}>
          <fieldset
            className="fieldset"
            aria-describedby={error === undefined ? undefined : 'session-error'}
          >
            <legend className="fieldset__legend field__label">{t('session.measures')}</legend>
            <FieldError id="session-error" message={error} />
            <div className="checkboxes">
              {measures.map(({ code, label, inPlan }, index) => (
                <div className="checkbox" key={code}>
                  <input
                    id={`session-measure-${String(index)}`}
                    className="checkbox__input"
                    type="checkbox"
                    value={code}
                    checked={chosen.includes(code)}
                    onChange={(event) => {
                      setChosen(
                        event.target.checked
                          ? [...chosen, code]
                          : chosen.filter((candidate) => candidate !== code),
                      );
                    }}
                  />
                  <label htmlFor={`session-measure-${String(index)}`}>
                    {label}
                    {inPlan ? <span className="muted"> {t('session.inPlan')}</span> : null}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="session-note">
            {t('session.note')}
          </label>
          <textarea
            id="session-note"
            className="input textarea"
            rows={2}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={record.isPending}>
          {t('session.record')}
        </button>
        <p role="status" className="link-box__status">
          {record.isSuccess ? t('session.recorded', { count: record.data.entries.length }) : null}
          {record.isError ? t('common.errors.generic') : null}
        </p>
      </form>
      <h3 id="protocol-title">{t('session.protocol')}</h3>
      {entries.length === 0 ? (
        <p>{t('session.noEntries')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby="protocol-title">
            <thead>
              <tr>
                <th scope="col">{t('session.day')}</th>
                <th scope="col">{t('session.measure')}</th>
                <th scope="col">{t('session.note')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(entry.performedOn, i18n.language)}</td>
                  <td>
                    {titleOf.get(entry.interventionCode) ??
                      entry.interventionCode.replaceAll('_', ' ')}
                  </td>
                  <td>{entry.notes ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
