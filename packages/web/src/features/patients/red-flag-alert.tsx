import type { CaseloadEntry } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { patientPath } from '../../app/paths';
import { TaskTag } from './task-tag';

interface RedFlagAlertProps {
  readonly entries: readonly CaseloadEntry[];
  /** The server's time of the caseload. */
  readonly now: string;
}

/**
 * Above everything on the caseload: every open emergency or urgent red flag, with its patient,
 * deadline and state. Hard to overlook: a heavy red border, the count in the heading, and a
 * status message so screen readers announce it when the page loads.
 */
export function RedFlagAlert({ entries }: RedFlagAlertProps) {
  const { t } = useTranslation();
  const open = entries.filter((entry) => entry.task !== null);
  if (open.length === 0) return null;
  const emergencies = open.filter((entry) => entry.task?.urgency === 'emergency').length;
  return (
    <section className="alert-banner" aria-labelledby="red-flag-alert-title" role="alert">
      <h2 id="red-flag-alert-title" className="alert-banner__title">
        {t('tasks.alertTitle', { count: open.length })}
      </h2>
      <p>{t('tasks.alertBody', { count: emergencies })}</p>
      <ul className="alert-banner__list">
        {open.map((entry) =>
          entry.task === null ? null : (
            <li key={entry.task.id}>
              <Link to={patientPath(entry.patient.id)}>
                {entry.patient.givenName} {entry.patient.familyName}
              </Link>
              : <TaskTag task={entry.task} />
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
