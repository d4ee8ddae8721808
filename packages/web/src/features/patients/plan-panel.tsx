import { useMutation } from '@tanstack/react-query';
import {
  PLAN_DECISIONS,
  type Plan,
  type PlanComponent,
  type PlanDecision,
} from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { formatDate } from '../../ui/format';
import { useRefreshPatient } from './patient-queries';

function DecisionForm({
  patientId,
  planId,
  component,
}: {
  patientId: string;
  planId: string;
  component: PlanComponent;
}) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const refresh = useRefreshPatient(patientId);
  const [decision, setDecision] = useState<PlanDecision | null>(component.decision);
  const [reason, setReason] = useState(component.reason ?? '');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const id = `component-${component.code}`;

  const save = useMutation({
    mutationFn: (chosen: PlanDecision) =>
      api.decideComponent(patientId, planId, component.code, {
        decision: chosen,
        ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
      }),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.reason !== undefined) {
        setErrors({ reason: t('plan.reasonRequired') });
      }
    },
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decision === null) {
      setErrors({ decision: t('plan.chooseDecision') });
      document.getElementById(`${id}-decision-0`)?.focus();
      return;
    }
    if (decision !== 'accepted' && reason.trim() === '') {
      setErrors({ reason: t('plan.reasonRequired') });
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    setErrors({});
    save.mutate(decision);
  };

  return (
    <form noValidate onSubmit={submit} className="decision-form">
      <div className={errors.decision === undefined ? 'field' : 'field field--error'}>
        <fieldset className="fieldset">
          <legend className="fieldset__legend field__label">
            {t('plan.decisionFor', { title: component.title })}
          </legend>
          <FieldError id={`${id}-decision-error`} message={errors.decision} />
          <div className="radios radios--inline">
            {PLAN_DECISIONS.map((code, index) => (
              <label className="radio" key={code} htmlFor={`${id}-decision-${String(index)}`}>
                <input
                  id={`${id}-decision-${String(index)}`}
                  className="radio__input"
                  type="radio"
                  name={`${id}-decision`}
                  value={code}
                  checked={decision === code}
                  onChange={() => {
                    setDecision(code);
                  }}
                />
                <span className="radio__label">{t(`plan.decisions.${code}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={errors.reason === undefined ? 'field' : 'field field--error'}>
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('plan.reason')}
        </label>
        <p id={`${id}-reason-hint`} className="field__hint">
          {t('plan.reasonHint')}
        </p>
        <FieldError id={`${id}-reason-error`} message={errors.reason} />
        <textarea
          id={`${id}-reason`}
          className="input textarea"
          rows={2}
          value={reason}
          aria-invalid={errors.reason === undefined ? undefined : true}
          aria-describedby={
            errors.reason === undefined
              ? `${id}-reason-hint`
              : `${id}-reason-hint ${id}-reason-error`
          }
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {t('plan.save')}
      </button>
      <p role="status" className="link-box__status">
        {save.isSuccess ? t('plan.saved') : null}
      </p>
    </form>
  );
}

/**
 * The latest plan: its urgency and pathway, and each component as recommended, with the
 * clinician's decision (accept, change or decline; a reason for the last two) and delivery.
 */
export function PlanPanel({ patientId, plan }: { patientId: string; plan: Plan }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="plan-title" className="panel">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <p>
        {t('plan.urgency')}: <strong>{t(`urgency.${plan.urgency}`)}</strong>{' '}
        <span className="muted">
          {t('plan.pathway', {
            id: plan.pathway.id,
            version: plan.pathway.version,
            date: formatDate(plan.createdAt, i18n.language),
          })}
        </span>
      </p>
      <ol className="component-list">
        {plan.components.map((component) => (
          <li key={component.code} className="component">
            <h3 className="component__title">{component.title}</h3>
            <p className="component__state">
              <span className={`tag tag--${component.status}`}>
                {t(`plan.status.${component.status}`)}
              </span>{' '}
              {component.decision === null ? (
                <span className="muted">{t('plan.undecided')}</span>
              ) : (
                <strong>{t(`plan.decisions.${component.decision}`)}</strong>
              )}
              {component.reason === null ? null : <span>: {component.reason}</span>}
              {component.deliveredOn === null ? null : (
                <span>
                  {' '}
                  ·{' '}
                  {t('plan.deliveredOn', {
                    date: formatDate(component.deliveredOn, i18n.language),
                  })}
                </span>
              )}
            </p>
            <details className="component__decide">
              <summary>{t('plan.decide', { title: component.title })}</summary>
              <DecisionForm patientId={patientId} planId={plan.id} component={component} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
