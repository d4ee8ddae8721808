import type { Assignment } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { useEpisodes } from './patient-queries';
import { instrumentTitle } from './results-panel';

/**
 * The record around the scores: episodes of care with their diagnosis codes, and every
 * questionnaire link with its state (open, answered, expired, replaced) and due date.
 */
export function RecordPanel({
  patientId,
  assignments,
}: {
  patientId: string;
  assignments: readonly Assignment[];
}) {
  const { t, i18n } = useTranslation();
  const episodes = useEpisodes(patientId).data?.episodes ?? [];
  return (
    <section aria-labelledby="record-title" className="panel">
      <h2 id="record-title">{t('record.title')}</h2>
      <h3>{t('record.episodes')}</h3>
      {episodes.length === 0 ? (
        <p>{t('record.noEpisodes')}</p>
      ) : (
        <ul className="plain-list">
          {episodes.map((episode) => (
            <li key={episode.id}>
              <strong>{t(`record.regions.${episode.bodyRegion}`)}</strong>{' '}
              {t('record.since', { date: formatDate(episode.startedOn, i18n.language) })}
              {episode.endedOn === null
                ? null
                : `, ${t('record.ended', { date: formatDate(episode.endedOn, i18n.language) })}`}
              {episode.diagnoses.length === 0 ? null : (
                <span className="muted">
                  {' '}
                  ({episode.diagnoses.map((d) => `${d.system.toUpperCase()} ${d.code}`).join(', ')})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 id="links-title">{t('record.links')}</h3>
      {assignments.length === 0 ? (
        <p>{t('record.noLinks')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby="links-title">
            <thead>
              <tr>
                <th scope="col">{t('record.issued')}</th>
                <th scope="col">{t('record.questionnaires')}</th>
                <th scope="col">{t('record.state')}</th>
                <th scope="col">{t('record.due')}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((assignment) => (
                <tr key={assignment.id}>
                  <td>
                    {formatDate(assignment.createdAt, i18n.language)}
                    {assignment.timepoint === null
                      ? null
                      : ` (${assignment.timepoint.replaceAll('_', ' ')})`}
                  </td>
                  <td>{assignment.instruments.map(instrumentTitle).join(', ')}</td>
                  <td>{t(`record.status.${assignment.status}`)}</td>
                  <td>
                    {assignment.dueOn === null ? '–' : formatDate(assignment.dueOn, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
