import type { RedFlagTask } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useSession } from '../auth/use-session';

interface TaskTagProps {
  readonly task: RedFlagTask;
}

/**
 * An open red-flag task in a row: its urgency as a tag (words, not only colour), when it is
 * due, and whether it is overdue, escalated or acknowledged.
 */
export function TaskTag({ task }: TaskTagProps) {
  const { t, i18n } = useTranslation();
  const me = useSession().data?.user.id;
  return (
    <>
      <strong className={`tag tag--${task.urgency}`}>{t(`urgency.${task.urgency}`)}</strong>{' '}
      <span>{task.flags.map((flag) => flag.replaceAll('_', ' ')).join(', ')}</span>
      <br />
      {task.overdue ? (
        <strong className="text-error">
          {t('tasks.overdueSince', { date: formatDateTime(task.dueAt, i18n.language) })}
        </strong>
      ) : (
        <span>{t('tasks.dueBy', { date: formatDateTime(task.dueAt, i18n.language) })}</span>
      )}
      {task.escalatedAt === null ? null : (
        <strong>
          {' '}
          ·{' '}
          {task.escalatedTo !== null && task.escalatedTo === me
            ? t('tasks.escalatedToYou')
            : t('tasks.escalated')}
        </strong>
      )}
      {task.status === 'acknowledged' ? <span> · {t('tasks.acknowledged')}</span> : null}
    </>
  );
}
