import { useMutation } from '@tanstack/react-query';
import {
  CARE_STEPS,
  DISCHARGE_OUTCOMES,
  type CareStep,
  type ContactMode,
  type DischargeOutcome,
  type RecordReferralEventRequest,
  type VocationalReferral,
} from '@workup/contracts';
import { useState } from 'react';
import type { ReactNode, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api-client';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { localDateTimeInput } from '../rtw/calendar';
import {
  conflictCode,
  modeForStep,
  readContactForm,
  referralActions,
  STEP_MODES,
  type ContactField,
} from './referral-logic';
import { useRefreshReferrals } from './vocational-queries';

type EventType = RecordReferralEventRequest['type'];

/** A refused change in words: core's 409 codes, a role the matrix refuses, the rest. */
export function eventErrorMessage(t: TFunction, error: unknown, type: EventType): string {
  if (isApiError(error, 'forbidden')) {
    return type === 'withdrawn'
      ? t('vocational.actions.errors.forbiddenWithdraw')
      : t('vocational.actions.errors.forbidden');
  }
  if (isApiError(error, 'network_error')) return t('common.errors.network_error');
  if (isApiError(error)) {
    const code = conflictCode(error.code);
    if (code !== null) return t(`vocational.actions.conflicts.${code}`);
    if (error.status === 409 || error.status === 422) {
      return t('vocational.actions.errors.conflict', { message: error.message });
    }
  }
  return t('common.errors.generic');
}

function useReferralEvent(
  patientId: string,
  referralId: string,
  onSaved: (type: EventType) => void,
) {
  const api = useStaffApi();
  const refresh = useRefreshReferrals(patientId);
  return useMutation({
    mutationFn: (request: RecordReferralEventRequest) =>
      api.recordReferralEvent(patientId, referralId, request),
    onSuccess: async (_referral, request) => {
      onSaved(request.type);
      await refresh();
    },
  });
}

/** A disclosure holding one action's form; the form is built when opened (its time is now). */
function ActionDisclosure({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="referral-action"
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}

function ReasonField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        id={id}
        className="input textarea"
        rows={2}
        maxLength={500}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : `${id}-error`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

function FailedNotice({ error, type }: { error: unknown; type: EventType }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice--error" role="alert">
      {eventErrorMessage(t, error, type)}
    </p>
  );
}

/** A form's end: why the last try failed, if it did, and the submit button. */
function SubmitRow({
  type,
  label,
  pending,
  error,
  secondary = false,
}: {
  type: EventType;
  label: string;
  pending: boolean;
  error: unknown;
  secondary?: boolean;
}) {
  return (
    <>
      {error === null ? null : <FailedNotice error={error} type={type} />}
      <button
        type="submit"
        className={secondary ? 'button button--secondary' : 'button'}
        disabled={pending}
      >
        {label}
      </button>
    </>
  );
}

/** One choice among `options`, each a radio button with its own id and label. */
function RadioOptions<T extends string | number>({
  name,
  options,
  selected,
  idOf,
  labelOf,
  onSelect,
  inline = false,
}: {
  name: string;
  options: readonly T[];
  selected: T | null;
  idOf: (value: T, index: number) => string;
  labelOf: (value: T) => string;
  onSelect: (value: T) => void;
  inline?: boolean;
}) {
  return (
    <div className={inline ? 'radios radios--inline' : 'radios'}>
      {options.map((value, index) => (
        <label className="radio" key={value} htmlFor={idOf(value, index)}>
          <input
            id={idOf(value, index)}
            className="radio__input"
            type="radio"
            name={name}
            checked={selected === value}
            onChange={() => {
              onSelect(value);
            }}
          />
          <span className="radio__label">{labelOf(value)}</span>
        </label>
      ))}
    </div>
  );
}

/** A required choice's fieldset, with its error above the options. */
function RequiredFieldset({
  errorId,
  legend,
  error,
  children,
}: {
  errorId: string;
  legend: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <fieldset className="fieldset" aria-describedby={error === undefined ? undefined : errorId}>
        <legend className="fieldset__legend field__label">{legend}</legend>
        <FieldError id={errorId} message={error} />
        {children}
      </fieldset>
    </div>
  );
}

function NotesField({
  id,
  label,
  rows,
  value,
  onChange,
}: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        maxLength={4000}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** A form whose reason must be given: `children` come before the reason, `request` builds it. */
function ReasonForm({
  id,
  type,
  submitLabel,
  request,
  onSubmit,
  pending,
  error,
  children,
}: Omit<FormProps, 'idPrefix'> & {
  id: string;
  type: EventType;
  submitLabel: string;
  request: (reason: string) => RecordReferralEventRequest;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      document.getElementById(id)?.focus();
      return;
    }
    setMissing(false);
    onSubmit(request(reason.trim()));
  };
  return (
    <form noValidate onSubmit={submit}>
      {children}
      <ReasonField
        id={id}
        label={t('vocational.actions.reason')}
        value={reason}
        error={missing ? t('vocational.actions.errors.reason') : undefined}
        onChange={setReason}
      />
      <SubmitRow type={type} label={submitLabel} pending={pending} error={error} secondary />
    </form>
  );
}

function DeclineForm({ idPrefix, ...props }: FormProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'service' | 'patient'>('service');
  return (
    <ReasonForm
      {...props}
      id={`${idPrefix}-decline-reason`}
      type="declined"
      submitLabel={t('vocational.actions.declineSubmit')}
      request={(reason) => ({ type: 'declined', by, reason })}
    >
      <fieldset className="fieldset">
        <legend className="fieldset__legend field__label">
          {t('vocational.actions.declineBy')}
        </legend>
        <RadioOptions
          name={`${idPrefix}-decline-by`}
          options={['service', 'patient'] as const}
          selected={by}
          idOf={(value) => `${idPrefix}-decline-${value}`}
          labelOf={(value) => t(`vocational.actions.declineByOptions.${value}`)}
          onSelect={setBy}
          inline
        />
      </fieldset>
    </ReasonForm>
  );
}

interface FormProps {
  readonly idPrefix: string;
  readonly onSubmit: (request: RecordReferralEventRequest) => void;
  readonly pending: boolean;
  readonly error: unknown;
}

function ContactForm({
  idPrefix,
  onSubmit,
  pending,
  error,
  reached,
}: FormProps & { reached: 0 | CareStep }) {
  const { t } = useTranslation();
  const [occurredAt, setOccurredAt] = useState(() => localDateTimeInput(new Date()));
  const [step, setStep] = useState<CareStep>(reached === 3 ? 3 : ((reached + 1) as CareStep));
  const [mode, setMode] = useState<ContactMode | null>(null);
  const [consent, setConsent] = useState(false);
  const [notes, setNotes] = useState('');
  const [problems, setProblems] = useState<readonly ContactField[]>([]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = readContactForm({
      occurredAt,
      step,
      mode,
      employerContactConsent: consent,
      notes,
    });
    if (!result.ok) {
      setProblems(result.problems);
      const first = result.problems[0];
      const target =
        first === 'occurredAt'
          ? `${idPrefix}-occurred`
          : first === 'consent'
            ? `${idPrefix}-consent`
            : `${idPrefix}-mode-0`;
      document.getElementById(target)?.focus();
      return;
    }
    setProblems([]);
    onSubmit(result.request);
  };

  const errorOf = (field: ContactField) =>
    problems.includes(field) ? t(`vocational.actions.errors.${field}`) : undefined;
  const occurredError = errorOf('occurredAt');
  const modeError = errorOf('mode');
  const consentError = errorOf('consent');
  return (
    <form noValidate onSubmit={submit}>
      <div className={occurredError === undefined ? 'field' : 'field field--error'}>
        <label className="field__label" htmlFor={`${idPrefix}-occurred`}>
          {t('vocational.actions.occurredAt')}
        </label>
        <FieldError id={`${idPrefix}-occurred-error`} message={occurredError} />
        <input
          id={`${idPrefix}-occurred`}
          className="input input--datetime"
          type="datetime-local"
          step="1"
          value={occurredAt}
          aria-invalid={occurredError === undefined ? undefined : true}
          aria-describedby={occurredError === undefined ? undefined : `${idPrefix}-occurred-error`}
          onChange={(event) => {
            setOccurredAt(event.target.value);
          }}
        />
      </div>
      <fieldset className="fieldset field">
        <legend className="fieldset__legend field__label">{t('vocational.actions.step')}</legend>
        <RadioOptions
          name={`${idPrefix}-step`}
          options={CARE_STEPS}
          selected={step}
          idOf={(value) => `${idPrefix}-step-${String(value)}`}
          labelOf={(value) =>
            t(`vocational.actions.stepOptions.${String(value) as '1' | '2' | '3'}`)
          }
          onSelect={(value) => {
            setStep(value);
            setMode(modeForStep(value, mode));
          }}
        />
      </fieldset>
      <RequiredFieldset
        errorId={`${idPrefix}-mode-error`}
        legend={t('vocational.actions.mode')}
        error={modeError}
      >
        <RadioOptions
          name={`${idPrefix}-mode`}
          options={STEP_MODES[step]}
          selected={mode}
          idOf={(_value, index) => `${idPrefix}-mode-${String(index)}`}
          labelOf={(value) => t(`vocational.referrals.modes.${value}`)}
          onSelect={setMode}
          inline
        />
      </RequiredFieldset>
      {step === 3 ? (
        <div className={consentError === undefined ? 'field' : 'field field--error'}>
          <FieldError id={`${idPrefix}-consent-error`} message={consentError} />
          <div className="checkbox">
            <input
              id={`${idPrefix}-consent`}
              className="checkbox__input"
              type="checkbox"
              checked={consent}
              aria-invalid={consentError === undefined ? undefined : true}
              aria-describedby={
                consentError === undefined ? undefined : `${idPrefix}-consent-error`
              }
              onChange={(event) => {
                setConsent(event.target.checked);
              }}
            />
            <label htmlFor={`${idPrefix}-consent`}>{t('vocational.actions.consent')}</label>
          </div>
        </div>
      ) : null}
      <NotesField
        id={`${idPrefix}-notes`}
        label={t('vocational.actions.notes')}
        rows={3}
        value={notes}
        onChange={setNotes}
      />
      <SubmitRow
        type="contact"
        label={t('vocational.actions.contactSubmit')}
        pending={pending}
        error={error}
      />
    </form>
  );
}

function DischargeForm({ idPrefix, onSubmit, pending, error }: FormProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<DischargeOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome === null) {
      setMissing(true);
      document.getElementById(`${idPrefix}-outcome-0`)?.focus();
      return;
    }
    setMissing(false);
    onSubmit({ type: 'discharged', outcome, notes: notes.trim() });
  };
  const outcomeError = missing ? t('vocational.actions.errors.outcome') : undefined;
  return (
    <form noValidate onSubmit={submit}>
      <RequiredFieldset
        errorId={`${idPrefix}-outcome-error`}
        legend={t('vocational.actions.outcome')}
        error={outcomeError}
      >
        <RadioOptions
          name={`${idPrefix}-outcome`}
          options={DISCHARGE_OUTCOMES}
          selected={outcome}
          idOf={(_value, index) => `${idPrefix}-outcome-${String(index)}`}
          labelOf={(value) => t(`vocational.referrals.outcomes.${value}`)}
          onSelect={setOutcome}
        />
      </RequiredFieldset>
      <NotesField
        id={`${idPrefix}-discharge-notes`}
        label={t('vocational.actions.dischargeNotes')}
        rows={2}
        value={notes}
        onChange={setNotes}
      />
      <SubmitRow
        type="discharged"
        label={t('vocational.actions.dischargeSubmit')}
        pending={pending}
        error={error}
      />
    </form>
  );
}

function WithdrawForm({ idPrefix, ...props }: FormProps) {
  const { t } = useTranslation();
  return (
    <ReasonForm
      {...props}
      id={`${idPrefix}-withdraw-reason`}
      type="withdrawn"
      submitLabel={t('vocational.actions.withdrawSubmit')}
      request={(reason) => ({ type: 'withdrawn', by: 'referrer', reason })}
    />
  );
}

/**
 * What may be done with a referral now: the adviser accepts or declines it, logs contacts and
 * discharges with an outcome; the referrer may withdraw it. The server decides who may (403)
 * and whether it fits the referral's state (409 with core's code); both are said in words.
 */
export function ReferralActions({
  patientId,
  referral,
  isAdviser,
  isClinician,
}: {
  patientId: string;
  referral: VocationalReferral;
  isAdviser: boolean;
  isClinician: boolean;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<EventType | null>(null);
  const [lastType, setLastType] = useState<EventType | null>(null);
  const record = useReferralEvent(patientId, referral.id, setSaved);
  const allowed = referralActions(referral.state.status);
  const idPrefix = `referral-${referral.id}`;
  const send = (request: RecordReferralEventRequest) => {
    setSaved(null);
    setLastType(request.type);
    record.mutate(request);
  };
  const errorFor = (type: EventType) => (lastType === type ? record.error : null);
  const formProps = (type: EventType) => ({
    idPrefix,
    onSubmit: send,
    pending: record.isPending,
    error: errorFor(type),
  });

  const adviserActions =
    isAdviser && (allowed.accept || allowed.decline || allowed.contact || allowed.discharge);
  const referrerActions = isClinician && allowed.withdraw;
  return (
    <div className="referral-actions no-print">
      {adviserActions && allowed.accept ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={record.isPending}
            onClick={() => {
              send({ type: 'accepted' });
            }}
          >
            {t('vocational.actions.accept')}
          </button>
        </p>
      ) : null}
      {lastType === 'accepted' && record.isError ? (
        <FailedNotice error={record.error} type="accepted" />
      ) : null}
      {adviserActions && allowed.contact ? (
        <ActionDisclosure summary={t('vocational.actions.contact')}>
          {() => (
            <ContactForm
              key={referral.events.length}
              {...formProps('contact')}
              reached={referral.state.step}
            />
          )}
        </ActionDisclosure>
      ) : null}
      {adviserActions && allowed.discharge ? (
        <ActionDisclosure summary={t('vocational.actions.discharge')}>
          {() => <DischargeForm {...formProps('discharged')} />}
        </ActionDisclosure>
      ) : null}
      {adviserActions && allowed.decline ? (
        <ActionDisclosure summary={t('vocational.actions.decline')}>
          {() => <DeclineForm {...formProps('declined')} />}
        </ActionDisclosure>
      ) : null}
      {referrerActions ? (
        <ActionDisclosure summary={t('vocational.actions.withdraw')}>
          {() => <WithdrawForm {...formProps('withdrawn')} />}
        </ActionDisclosure>
      ) : null}
      <p role="status" className="link-box__status">
        {saved === null ? null : t(`vocational.actions.saved.${saved}`)}
      </p>
    </div>
  );
}
