import { useMutation } from '@tanstack/react-query';
import {
  RED_FLAG_TASK_OUTCOMES,
  type RedFlagTask,
  type RedFlagTaskOutcome,
} from '@workup/contracts';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffApi } from '../../app/staff-api-context';
import { FieldError } from '../../ui/field-error';
import { formatDateTime } from '../../ui/format';
import { useSession } from '../auth/use-session';
import { useRefreshPatient, useTasks } from './patient-queries';
import { canListTasks } from './task-access';
import { TaskTag } from './task-tag';

function OpenTask({ patientId, task }: { patientId: string; task: RedFlagTask }) {
  const { t, i18n } = useTranslation();
  const api = useStaffApi();
  const refresh = useRefreshPatient(patientId);
  const [outcome, setOutcome] = useState<RedFlagTaskOutcome | null>(null);
  const [note, setNote] = useState('');
  const [showError, setShowError] = useState(false);

  const acknowledge = useMutation({
    mutationFn: () => api.acknowledgeTask(patientId, task.id),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: (chosen: RedFlagTaskOutcome) =>
      api.closeTask(patientId, task.id, {
        outcome: chosen,
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      }),
    onSuccess: refresh,
  });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outcome === null) {
      setShowError(true);
      document.getElementById(`task-${task.id}-outcome-0`)?.focus();
      return;
    }
    close.mutate(outcome);
  };

  const error = showError && outcome === null ? t('tasks.chooseOutcome') : undefined;
  const failed = acknowledge.isError || close.isError;
  return (
    <div className={`task-card task-card--${task.urgency}`}>
      <h3 className="task-card__title">{t(`tasks.title.${task.urgency}`)}</h3>
      <p>
        <TaskTag task={task} />
      </p>
      <p className="muted">
        {t('tasks.openedAt', { date: formatDateTime(task.openedAt, i18n.language) })}
        {task.acknowledgedAt === null
          ? null
          : ` · ${t('tasks.acknowledgedAt', { date: formatDateTime(task.acknowledgedAt, i18n.language) })}`}
      </p>
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t('common.errors.generic')}
        </p>
      ) : null}
      {task.status === 'open' ? (
        <button
          type="button"
          className="button"
          disabled={acknowledge.isPending}
          onClick={() => {
            acknowledge.mutate();
          }}
        >
          {t('tasks.acknowledge')}
        </button>
      ) : null}
      <form noValidate onSubmit={submit} className="task-card__close">
        <div className={error === undefined ? 'field' : 'field field--error'}>
          <fieldset
            className="fieldset"
            aria-describedby={error === undefined ? undefined : `task-${task.id}-error`}
          >
            <legend className="fieldset__legend field__label">{t('tasks.outcome')}</legend>
            <FieldError id={`task-${task.id}-error`} message={error} />
            <div className="radios radios--inline">
              {RED_FLAG_TASK_OUTCOMES.map((code, index) => (
                <label
                  className="radio"
                  key={code}
                  htmlFor={`task-${task.id}-outcome-${String(index)}`}
                >
                  <input
                    id={`task-${task.id}-outcome-${String(index)}`}
                    className="radio__input"
                    type="radio"
                    name={`task-${task.id}-outcome`}
                    value={code}
                    checked={outcome === code}
                    onChange={() => {
                      setOutcome(code);
                    }}
                  />
                  <span className="radio__label">{t(`tasks.outcomes.${code}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`task-${task.id}-note`}>
            {t('tasks.note')}
          </label>
          <textarea
            id={`task-${task.id}-note`}
            className="input textarea"
            rows={2}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={close.isPending}>
          {t('tasks.close')}
        </button>
      </form>
    </div>
  );
}

/**
 * The patient's red-flag tasks: each open one first and prominent, with its deadline, to
 * acknowledge and to close with an outcome; closed ones listed below with their outcome.
 */
export function RedFlagTaskPanel({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const tasks = useTasks(
    patientId,
    session.data !== undefined && session.data !== null && canListTasks(session.data.user.role),
  );
  const all = tasks.data?.tasks ?? [];
  if (all.length === 0) return null;
  const open = all.filter((task) => task.status !== 'closed');
  const closed = all.filter((task) => task.status === 'closed');
  return (
    <section aria-labelledby="tasks-title" className={open.length > 0 ? 'alert-banner' : 'panel'}>
      <h2 id="tasks-title">{t('tasks.panelTitle')}</h2>
      {open.map((task) => (
        <OpenTask key={task.id} patientId={patientId} task={task} />
      ))}
      {closed.length > 0 ? (
        <ul className="plain-list">
          {closed.map((task) => (
            <li key={task.id}>
              {t(`urgency.${task.urgency}`)}:{' '}
              {task.flags.map((f) => f.replaceAll('_', ' ')).join(', ')} ·{' '}
              {task.outcome === null ? null : t(`tasks.outcomes.${task.outcome}`)}{' '}
              {task.closedAt === null ? null : formatDateTime(task.closedAt, i18n.language)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
