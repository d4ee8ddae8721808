import { useMutation } from '@tanstack/react-query';
import { CDM_ACTORS, CDM_ITEM_CATEGORIES } from '@workup/contracts';
import type { CdmActor, CdmItemCategory, CdmStep, Meeting } from '@workup/contracts';
import { useState } from 'react';
import type { ReactNode, SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffApi } from '../../app/staff-api-context';
import { ErrorSummary } from '../../ui/error-summary';
import { FieldError } from '../../ui/field-error';
import { formatCalendarDate } from './calendar-date';
import { apiErrors, draftProblemMessage, fieldId, issueErrors, type StepError } from './cdm-errors';
import {
  draftFor,
  emptyAction,
  emptyItem,
  employerStepBody,
  jointStepBody,
  localDay,
  patientStepBody,
  stepIssues,
  type ActionDraft,
  type DraftResult,
  type EmployerStepDraft,
  type ItemDraft,
  type JointStepDraft,
  type PatientStepDraft,
  type ItemSection,
  type StepBodies,
  type StepDrafts,
} from './cdm-model';
import { useMeetingChanged } from './cdm-queries';
import { ActionPlanTable } from './employer-view-sections';

const newId = () => crypto.randomUUID();

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter((id): id is string => typeof id === 'string').join(' ');
  return joined === '' ? undefined : joined;
}

/** The error of a field, if any, by its key. */
function errorOf(errors: readonly StepError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

function DateField({
  step,
  field,
  label,
  hint,
  value,
  errors,
  onChange,
}: {
  step: CdmStep;
  field: string;
  label: string;
  hint?: string;
  value: string;
  errors: readonly StepError[];
  onChange: (value: string) => void;
}) {
  const id = fieldId(step, field);
  const error = errorOf(errors, field);
  return (
    <div className={error === undefined ? 'field' : 'field field--error'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <input
        id={id}
        className="input input--date"
        type="date"
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(
          hint !== undefined && `${id}-hint`,
          error !== undefined && `${id}-error`,
        )}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** One list of items (obstacles, resources, the employer's view, adjustments) as rows. */
function ItemListFields({
  step,
  section,
  items,
  errors,
  onChange,
}: {
  step: CdmStep;
  section: ItemSection;
  items: readonly ItemDraft[];
  errors: readonly StepError[];
  onChange: (items: ItemDraft[]) => void;
}) {
  const { t } = useTranslation();
  const hintId = fieldId(step, `${section}.hint`);
  const update = (index: number, change: Partial<ItemDraft>) => {
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  };
  return (
    <fieldset className="fieldset cdm-items">
      <legend className="fieldset__legend field__label">{t(`cdm.sections.${section}`)}</legend>
      <p id={hintId} className="field__hint cdm-health-hint">
        {t('cdm.categoryHint')}
      </p>
      {items.length === 0 ? <p className="muted">{t('cdm.noItems')}</p> : null}
      {items.map((item, index) => {
        const number = index + 1;
        const label = t('cdm.itemLabel', { noun: t(`cdm.itemNoun.${section}`), number });
        const textField = `${section}.${String(index)}.text`;
        const categoryField = `${section}.${String(index)}.category`;
        const textId = fieldId(step, textField);
        const categoryId = fieldId(step, categoryField);
        const textError = errorOf(errors, textField);
        const categoryError = errorOf(errors, categoryField);
        return (
          <div className="cdm-item" key={item.id}>
            <div className={textError === undefined ? 'field' : 'field field--error'}>
              <label className="field__label" htmlFor={textId}>
                {label}
              </label>
              <FieldError id={`${textId}-error`} message={textError} />
              <textarea
                id={textId}
                className="input textarea"
                rows={2}
                maxLength={1000}
                value={item.text}
                aria-invalid={textError === undefined ? undefined : true}
                aria-describedby={describedBy(textError !== undefined && `${textId}-error`)}
                onChange={(event) => {
                  update(index, { text: event.target.value });
                }}
              />
            </div>
            <div className={categoryError === undefined ? 'field' : 'field field--error'}>
              <label className="field__label" htmlFor={categoryId}>
                {t('cdm.categoryLabel', { noun: t(`cdm.itemNoun.${section}`), number })}
              </label>
              <FieldError id={`${categoryId}-error`} message={categoryError} />
              <select
                id={categoryId}
                className="input"
                value={item.category}
                aria-invalid={categoryError === undefined ? undefined : true}
                aria-describedby={describedBy(
                  hintId,
                  categoryError !== undefined && `${categoryId}-error`,
                )}
                onChange={(event) => {
                  update(index, { category: event.target.value as CdmItemCategory | '' });
                }}
              >
                <option value="">{t('cdm.chooseCategory')}</option>
                {CDM_ITEM_CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {t(`cdm.categories.${category}`)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="link-button cdm-item__remove"
              onClick={() => {
                onChange(items.filter((_, i) => i !== index));
              }}
            >
              {t('cdm.remove', { label })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([
            ...items,
            emptyItem(newId(), section === 'possibleAdjustments' ? 'adjustment' : ''),
          ]);
        }}
      >
        {t(`cdm.addItem.${section}`)}
      </button>
    </fieldset>
  );
}

function ActionFields({
  actions,
  errors,
  onChange,
}: {
  actions: readonly ActionDraft[];
  errors: readonly StepError[];
  onChange: (actions: ActionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const step = 'joint';
  const update = (index: number, change: Partial<ActionDraft>) => {
    onChange(actions.map((action, i) => (i === index ? { ...action, ...change } : action)));
  };
  const listError = errorOf(errors, 'actionPlan');
  return (
    <fieldset
      className={listError === undefined ? 'fieldset cdm-items' : 'fieldset cdm-items field--error'}
      id={fieldId(step, 'actionPlan')}
      tabIndex={-1}
      aria-describedby={
        listError === undefined ? undefined : `${fieldId(step, 'actionPlan')}-error`
      }
    >
      <legend className="fieldset__legend field__label">{t('cdm.sections.actionPlan')}</legend>
      <FieldError id={`${fieldId(step, 'actionPlan')}-error`} message={listError} />
      {actions.map((action, index) => {
        const number = index + 1;
        const base = `actionPlan.${String(index)}`;
        const whatError = errorOf(errors, `${base}.what`);
        const whoError = errorOf(errors, `${base}.who`);
        const whenError = errorOf(errors, `${base}.byWhen`);
        const whatId = fieldId(step, `${base}.what`);
        const whoId = fieldId(step, `${base}.who`);
        return (
          <div className="cdm-item cdm-item--action" key={action.id}>
            <div className={whatError === undefined ? 'field' : 'field field--error'}>
              <label className="field__label" htmlFor={whatId}>
                {t('cdm.action.what', { number })}
              </label>
              <FieldError id={`${whatId}-error`} message={whatError} />
              <input
                id={whatId}
                className="input"
                type="text"
                maxLength={1000}
                value={action.what}
                aria-invalid={whatError === undefined ? undefined : true}
                aria-describedby={describedBy(whatError !== undefined && `${whatId}-error`)}
                onChange={(event) => {
                  update(index, { what: event.target.value });
                }}
              />
            </div>
            <div className={whoError === undefined ? 'field' : 'field field--error'}>
              <label className="field__label" htmlFor={whoId}>
                {t('cdm.action.who', { number })}
              </label>
              <FieldError id={`${whoId}-error`} message={whoError} />
              <select
                id={whoId}
                className="input"
                value={action.who}
                aria-invalid={whoError === undefined ? undefined : true}
                aria-describedby={describedBy(whoError !== undefined && `${whoId}-error`)}
                onChange={(event) => {
                  update(index, { who: event.target.value as CdmActor | '' });
                }}
              >
                <option value="">{t('cdm.action.chooseWho')}</option>
                {CDM_ACTORS.map((actor) => (
                  <option key={actor} value={actor}>
                    {t(`cdm.actors.${actor}`)}
                  </option>
                ))}
              </select>
            </div>
            <DateField
              step={step}
              field={`${base}.byWhen`}
              label={t('cdm.action.byWhen', { number })}
              value={action.byWhen}
              errors={
                whenError === undefined ? [] : [{ field: `${base}.byWhen`, message: whenError }]
              }
              onChange={(byWhen) => {
                update(index, { byWhen });
              }}
            />
            <button
              type="button"
              className="link-button cdm-item__remove"
              onClick={() => {
                onChange(actions.filter((_, i) => i !== index));
              }}
            >
              {t('cdm.action.remove', { number })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          onChange([...actions, emptyAction(newId())]);
        }}
      >
        {t('cdm.action.add')}
      </button>
    </fieldset>
  );
}

type AnyDraft = StepDrafts[CdmStep];

/** The body of a step from its draft, or what to fix. */
function buildBody(step: CdmStep, draft: AnyDraft): DraftResult<CdmStep> {
  switch (step) {
    case 'patient_clinician':
      return patientStepBody(draft as PatientStepDraft);
    case 'clinician_employer':
      return employerStepBody(draft as EmployerStepDraft);
    case 'joint':
      return jointStepBody(draft as JointStepDraft);
  }
}

/**
 * A step's form: checked here first (missing fields, then core's rules on the whole meeting),
 * then sent; what the server still refuses (409 or 422) shows in the same summary.
 */
function StepForm({
  patientId,
  meeting,
  step,
  correcting,
  onDone,
  onCancel,
}: {
  patientId: string;
  meeting: Meeting;
  step: CdmStep;
  correcting: boolean;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const api = useStaffApi();
  const changed = useMeetingChanged(patientId);
  const [draft, setDraft] = useState<AnyDraft>(() =>
    draftFor(meeting.record, step, localDay(new Date()), newId),
  );
  const [errors, setErrors] = useState<readonly StepError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const save = useMutation({
    mutationFn: (body: StepBodies[CdmStep]) =>
      api.recordMeetingStep(patientId, meeting.id, step, body),
    onSuccess: async (updated) => {
      setErrors([]);
      await changed(updated);
      onDone();
    },
    onError: (error) => {
      setErrors(apiErrors(error, t, step));
      setAttempt((n) => n + 1);
    },
  });

  const fail = (found: StepError[]) => {
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = buildBody(step, draft);
    if (!result.ok) {
      fail(
        result.problems.map((problem) => ({
          field: problem.field,
          message: draftProblemMessage(problem, t),
        })),
      );
      return;
    }
    const issues = stepIssues(meeting.record, step, result.body);
    if (issues.length > 0) {
      fail(issueErrors(issues, t));
      return;
    }
    setErrors([]);
    save.mutate(result.body);
  };

  const set = (change: Readonly<Record<string, unknown>>) => {
    setDraft((current) => ({ ...current, ...change }));
  };

  let fields: ReactNode;
  if (step === 'joint') {
    const joint = draft as JointStepDraft;
    fields = (
      <>
        <ActionFields
          actions={joint.actionPlan}
          errors={errors}
          onChange={(actionPlan) => {
            set({ actionPlan });
          }}
        />
        <DateField
          step={step}
          field="reviewOn"
          label={t('cdm.reviewOn')}
          hint={t('cdm.reviewOnHint')}
          value={joint.reviewOn}
          errors={errors}
          onChange={(reviewOn) => {
            set({ reviewOn });
          }}
        />
      </>
    );
  } else {
    const sections: readonly ItemSection[] =
      step === 'patient_clinician'
        ? ['obstacles', 'resources']
        : ['employerView', 'possibleAdjustments'];
    const lists = draft as unknown as Record<ItemSection, readonly ItemDraft[]>;
    fields = sections.map((section) => (
      <ItemListFields
        key={section}
        step={step}
        section={section}
        items={lists[section]}
        errors={errors}
        onChange={(items) => {
          set({ [section]: items });
        }}
      />
    ));
  }

  const stepName = t(`cdm.steps.${step}`);
  return (
    <form noValidate onSubmit={submit} className="cdm-step-form no-print">
      <ErrorSummary
        attempt={attempt}
        errors={errors.map((error) =>
          error.field === undefined
            ? { message: error.message }
            : { message: error.message, targetId: fieldId(step, error.field) },
        )}
      />
      <DateField
        step={step}
        field="heldOn"
        label={t('cdm.heldOn')}
        value={draft.heldOn}
        errors={errors}
        onChange={(heldOn) => {
          set({ heldOn });
        }}
      />
      {fields}
      <div className="button-group cdm-step-form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {correcting ? t('cdm.saveCorrection') : t('cdm.record', { step: stepName })}
        </button>
        {onCancel === undefined ? null : (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('cdm.cancelCorrection')}
          </button>
        )}
      </div>
    </form>
  );
}

function ItemSummary({ section, meeting }: { section: ItemSection; meeting: Meeting }) {
  const { t } = useTranslation();
  const record = meeting.record;
  const items =
    section === 'obstacles' || section === 'resources'
      ? (record.patientClinician?.[section] ?? [])
      : (record.clinicianEmployer?.[section] ?? []);
  return (
    <>
      <h5>{t(`cdm.sections.${section}`)}</h5>
      {items.length === 0 ? (
        <p className="muted">{t('cdm.noItems')}</p>
      ) : (
        <ul className="cdm-summary-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.text}{' '}
              <span className={item.category === 'health' ? 'tag cdm-tag--health' : 'tag'}>
                {t(`cdm.categories.${item.category}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What a recorded step holds, as the clinician sees it (health items marked). */
function StepSummary({ meeting, step }: { meeting: Meeting; step: CdmStep }) {
  const { t, i18n } = useTranslation();
  const record = meeting.record;
  if (step === 'joint') {
    const joint = record.joint;
    if (joint === null) return null;
    return (
      <>
        <h5 id={`cdm-summary-plan-${meeting.id}`}>{t('cdm.sections.actionPlan')}</h5>
        <ActionPlanTable actions={joint.actionPlan} captionId={`cdm-summary-plan-${meeting.id}`} />
        <p>
          {t('cdm.reviewOn')}: <strong>{formatCalendarDate(joint.reviewOn, i18n.language)}</strong>
        </p>
      </>
    );
  }
  const sections: readonly ItemSection[] =
    step === 'patient_clinician'
      ? ['obstacles', 'resources']
      : ['employerView', 'possibleAdjustments'];
  return (
    <>
      {sections.map((section) => (
        <ItemSummary key={section} section={section} meeting={meeting} />
      ))}
    </>
  );
}

const FIELD = {
  patient_clinician: 'patientClinician',
  clinician_employer: 'clinicianEmployer',
  joint: 'joint',
} as const;

/**
 * One step of the meeting: recorded (its content, and a correction), next (its form), or not
 * yet open (shown, so the clinician sees what comes, but without a form).
 */
export function StepSection({
  patientId,
  meeting,
  step,
}: {
  patientId: string;
  meeting: Meeting;
  step: CdmStep;
}) {
  const { t, i18n } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const held = meeting.record[FIELD[step]];
  const state = held !== null ? 'recorded' : meeting.nextStep === step ? 'next' : 'locked';
  const titleId = `cdm-step-${step}-title`;
  const stepName = t(`cdm.steps.${step}`);
  const previous =
    step === 'clinician_employer'
      ? 'patient_clinician'
      : step === 'joint'
        ? 'clinician_employer'
        : null;

  return (
    <section aria-labelledby={titleId} className={`cdm-step cdm-step--${state}`}>
      <h4 id={titleId}>{stepName}</h4>
      <p className="muted">{t(`cdm.stepIntro.${step}`)}</p>
      {held === null ? null : (
        <p>
          <strong>
            {t('cdm.stepHeldOn', { date: formatCalendarDate(held.heldOn, i18n.language) })}
          </strong>
        </p>
      )}
      <p role="status" className="link-box__status">
        {recorded ? t('cdm.recorded', { step: stepName }) : null}
      </p>
      {state === 'locked' ? (
        <p className="notice">
          {t('cdm.stepNotOpen', {
            step: t(`cdm.steps.${previous ?? 'patient_clinician'}`),
          })}
        </p>
      ) : null}
      {state === 'next' ? (
        <StepForm
          key={`${meeting.id}-${step}`}
          patientId={patientId}
          meeting={meeting}
          step={step}
          correcting={false}
          onDone={() => {
            setRecorded(true);
          }}
        />
      ) : null}
      {state === 'recorded' && !correcting ? (
        <>
          <StepSummary meeting={meeting} step={step} />
          <button
            type="button"
            className="button button--secondary no-print"
            onClick={() => {
              setRecorded(false);
              setCorrecting(true);
            }}
          >
            {t('cdm.correct')}
          </button>
        </>
      ) : null}
      {state === 'recorded' && correcting ? (
        <StepForm
          key={`${meeting.id}-${step}-correction`}
          patientId={patientId}
          meeting={meeting}
          step={step}
          correcting
          onDone={() => {
            setCorrecting(false);
            setRecorded(true);
          }}
          onCancel={() => {
            setCorrecting(false);
          }}
        />
      ) : null}
    </section>
  );
}
