import { useQuery } from '@tanstack/react-query';
import type { OutboxMessage } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api-client';
import { ServiceProblem } from '../../app/service-problem';
import { useStaffApi } from '../../app/staff-api-context';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession } from '../auth/use-session';
import { NotAllowed } from '../dashboard/followup-dashboard-page';
import { canReadOutbox } from './outbox-access';

export const OUTBOX_QUERY_KEY = ['outbox'] as const;

/** Newest first, whatever order the server sent; ties by id so the order is stable. */
export function newestFirst(messages: readonly OutboxMessage[]): OutboxMessage[] {
  return [...messages].sort((a, b) =>
    a.createdAt === b.createdAt
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}

function Message({ message }: { message: OutboxMessage }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="outbox__message">
      <h2 className="outbox__subject">
        {message.subject ??
          t('outbox.noSubject', { channel: t(`outbox.channels.${message.channel}`) })}
      </h2>
      <dl className="outbox__meta">
        <dt>{t('outbox.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('outbox.channel')}</dt>
        <dd>{t(`outbox.channels.${message.channel}`)}</dd>
        <dt>{t('outbox.sentAt')}</dt>
        <dd>
          <time dateTime={message.createdAt}>
            {formatDateTime(message.createdAt, i18n.language)}
          </time>
        </dd>
      </dl>
      <details className="outbox__body">
        <summary>{t('outbox.showBody')}</summary>
        <pre>{message.body}</pre>
      </details>
    </li>
  );
}

/**
 * What the outbox transport kept instead of sending (development and tests): the reminders and
 * links patients would have had, newest first.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const api = useStaffApi();
  const session = useSession();
  const role = session.data?.user.role;
  const allowed = role !== undefined && canReadOutbox(role);
  const outbox = useQuery({
    queryKey: OUTBOX_QUERY_KEY,
    queryFn: () => api.listOutbox(),
    enabled: allowed,
    staleTime: 0,
  });
  useDocumentTitle(t('outbox.title'));

  let body;
  if (!allowed || isApiError(outbox.error, 'forbidden')) {
    body = <NotAllowed message={t('outbox.forbidden')} />;
  } else if (outbox.isPending) {
    body = <Loading />;
  } else if (outbox.isError) {
    body = <ServiceProblem error={outbox.error} onRetry={() => void outbox.refetch()} />;
  } else if (outbox.data.messages.length === 0) {
    body = <p>{t('outbox.empty')}</p>;
  } else {
    body = (
      <ol className="outbox" aria-label={t('outbox.listLabel')}>
        {newestFirst(outbox.data.messages).map((message) => (
          <Message key={message.id} message={message} />
        ))}
      </ol>
    );
  }

  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p className="notice">{t('outbox.devNote')}</p>
      {body}
    </>
  );
}
