import { useMutation } from '@tanstack/react-query';
import type { SickLeavePeriodRecord } from '@workup/contracts';
import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { formatDateTime } from '../../ui/format';
import { formatCalendarDate } from './calendar';
import { useRefreshTimeline } from './rtw-queries';
import { orderPeriods } from './sick-leave-values';

function RemovePeriodForm({
  patientId,
  period,
  range,
  onDone,
}: {
  patientId: string;
  period: SickLeavePeriodRecord;
  range: string;
  onDone: (removed: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const refresh = useRefreshTimeline(patientId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  const remove = useMutation({
    mutationFn: (text: string) => api.removeSickLeave(patientId, period.id, text),
    onSuccess: async () => {
      await refresh();
      onDone(true);
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      fieldRef.current?.focus();
      return;
    }
    setMissing(false);
    remove.mutate(reason.trim());
  };

  const error = missing
    ? t('rtw.errors.reason')
    : isApiError(remove.error, 'validation_failed')
      ? t('rtw.errors.server', { message: remove.error.fieldErrors.reason ?? remove.error.message })
      : undefined;
  return (
    <form
      noValidate
      onSubmit={submit}
      className="rtw-remove no-print"
      aria-labelledby="remove-period-title"
    >
      <h4 id="remove-period-title">{t('rtw.periods.removeLabel', { range })}</h4>
      <div className={error === undefined ? 'field' : 'field field--error'}>
        <label className="field__label" htmlFor="remove-period-reason">
          {t('rtw.periods.reason')}
        </label>
        <p id="remove-period-reason-hint" className="field__hint">
          {t('rtw.periods.reasonHint')}
        </p>
        <FieldError id="remove-period-reason-error" message={error} />
        <textarea
          id="remove-period-reason"
          ref={fieldRef}
          className="input textarea"
          rows={2}
          maxLength={500}
          value={reason}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={
            error === undefined
              ? 'remove-period-reason-hint'
              : 'remove-period-reason-hint remove-period-reason-error'
          }
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
      </div>
      {remove.isError && error === undefined ? (
        <p className="notice notice--error" role="alert">
          {isApiError(remove.error, 'forbidden')
            ? t('rtw.errors.forbidden')
            : isApiError(remove.error, 'network_error')
              ? t('common.errors.network_error')
              : t('common.errors.generic')}
        </p>
      ) : null}
      <div className="button-group">
        <button type="submit" className="button" disabled={remove.isPending}>
          {t('rtw.periods.confirmRemove')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            onDone(false);
          }}
        >
          {t('rtw.periods.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The periods on record, latest first; a period entered by mistake is removed with a reason and
 * stays listed, struck through, with the reason.
 */
export function PeriodList({
  patientId,
  periods,
}: {
  patientId: string;
  periods: readonly SickLeavePeriodRecord[];
}) {
  const { t, i18n } = useTranslation();
  const [removing, setRemoving] = useState<string | null>(null);
  const [removedRange, setRemovedRange] = useState<string | null>(null);
  const rangeOf = (period: SickLeavePeriodRecord) =>
    t('rtw.periods.range', {
      from: formatCalendarDate(period.from, i18n.language),
      to: formatCalendarDate(period.to, i18n.language),
    });
  const chosen = periods.find((period) => period.id === removing);

  return (
    <>
      <h3 id="sick-leave-periods-title">{t('rtw.periods.title')}</h3>
      {periods.length === 0 ? (
        <p>{t('rtw.periods.none')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby="sick-leave-periods-title">
            <thead>
              <tr>
                <th scope="col">{t('rtw.periods.period')}</th>
                <th scope="col">{t('rtw.periods.degree')}</th>
                <th scope="col">{t('rtw.periods.source')}</th>
                <th scope="col">{t('rtw.periods.recorded')}</th>
                <th scope="col" className="no-print">
                  {t('rtw.periods.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {orderPeriods(periods).map((period) => {
                const range = rangeOf(period);
                const removed = period.removedAt !== null;
                return (
                  <tr key={period.id} className={removed ? 'rtw-period--removed' : undefined}>
                    <td>
                      {removed ? <s>{range}</s> : range}
                      {removed ? (
                        <span className="rtw-period__reason">
                          {t('rtw.periods.removed', {
                            date: formatDateTime(period.removedAt ?? '', i18n.language),
                            reason: period.removalReason ?? '',
                          })}
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {removed ? (
                        <s>{`${String(period.degree)} %`}</s>
                      ) : (
                        `${String(period.degree)} %`
                      )}
                    </td>
                    <td>{t(`rtw.record.sources.${period.source}`)}</td>
                    <td>{formatDateTime(period.recordedAt, i18n.language)}</td>
                    <td className="no-print">
                      {removed ? null : (
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('rtw.periods.removeLabel', { range })}
                          aria-expanded={removing === period.id}
                          onClick={() => {
                            setRemovedRange(null);
                            setRemoving(period.id);
                          }}
                        >
                          {t('rtw.periods.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {chosen === undefined ? null : (
        <RemovePeriodForm
          key={chosen.id}
          patientId={patientId}
          period={chosen}
          range={rangeOf(chosen)}
          onDone={(removed) => {
            setRemovedRange(removed ? rangeOf(chosen) : null);
            setRemoving(null);
          }}
        />
      )}
      <p role="status" className="link-box__status">
        {removedRange === null ? null : t('rtw.periods.removedStatus', { range: removedRange })}
      </p>
    </>
  );
}
