import type { VocationalReferral } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ReferralActions } from './referral-actions';
import { newestNotificationsFirst } from './referral-logic';

type StepKey = '0' | '1' | '2' | '3';

/** The delivery of a notification's e-mail in words, with when it went. */
export function DeliveryStatus({
  delivery,
  sentAt,
}: {
  delivery: 'pending' | 'sent' | 'failed';
  sentAt: string | null;
}) {
  const { t, i18n } = useTranslation();
  return (
    <span className={`tag delivery delivery--${delivery}`}>
      {delivery === 'sent' && sentAt !== null
        ? t('vocational.referrals.sentAt', { time: formatDateTime(sentAt, i18n.language) })
        : t(`vocational.referrals.delivery.${delivery}`)}
    </span>
  );
}

/**
 * One referral: where it stands (status, step, adviser), what was asked and on what check, the
 * SVAI sessions against the plan, the contacts logged (notes are for staff), the notifications
 * sent to the referrer with their e-mail delivery, and the actions open to the reader.
 */
export function ReferralCard({
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
  const { t, i18n } = useTranslation();
  const { state, svai } = referral;
  const titleId = `referral-${referral.id}-title`;
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const closeReason = state.closeReason;
  return (
    <article className={`referral referral--${state.status}`} aria-labelledby={titleId}>
      <h4 id={titleId} className="referral__title">
        {t('vocational.referrals.referredOn', { date: when(referral.createdAt) })}{' '}
        <span className={`tag referral-status referral-status--${state.status}`}>
          {t(`vocational.referrals.statuses.${state.status}`)}
        </span>
      </h4>
      <dl className="referral__facts">
        <dt>{t('vocational.referrals.status')}</dt>
        <dd>{t(`vocational.referrals.statuses.${state.status}`)}</dd>
        <dt>{t('vocational.referrals.step')}</dt>
        <dd>{t(`vocational.referrals.steps.${String(state.step) as StepKey}`)}</dd>
        {state.outcome === null ? null : (
          <>
            <dt>{t('vocational.referrals.outcome')}</dt>
            <dd>{t(`vocational.referrals.outcomes.${state.outcome}`)}</dd>
          </>
        )}
        {closeReason === null ? null : (
          <>
            <dt>{t('vocational.referrals.closedBecause')}</dt>
            <dd>{closeReason}</dd>
          </>
        )}
        <dt>{t('vocational.referrals.referrer')}</dt>
        <dd>{referral.referrerName}</dd>
        <dt>{t('vocational.referrals.adviser')}</dt>
        <dd>{referral.adviserName ?? t('vocational.referrals.noAdviser')}</dd>
        <dt>{t('vocational.referrals.riskGroup')}</dt>
        <dd>{t(`vocational.refer.riskGroups.${referral.riskGroup}`)}</dd>
        <dt>{t('vocational.referrals.svai')}</dt>
        <dd>
          {t('vocational.referrals.svaiValue', {
            delivered: svai.delivered,
            min: svai.min,
            max: svai.max,
            progress: t(`vocational.referrals.progress.${svai.progress}`),
          })}
        </dd>
        <dt>{t('vocational.referrals.question')}</dt>
        <dd className="referral__question">{referral.question}</dd>
        <dt>{t('vocational.referrals.eligibility')}</dt>
        <dd>{t(`vocational.eligibility.statuses.${referral.eligibility.status}`)}</dd>
        <dt>{t('vocational.referrals.timing')}</dt>
        <dd>{referral.timing.reason}</dd>
        {referral.overrideReason === null ? null : (
          <>
            <dt>{t('vocational.referrals.override')}</dt>
            <dd>{referral.overrideReason}</dd>
          </>
        )}
      </dl>

      <h5 id={`${titleId}-contacts`}>{t('vocational.referrals.contactsTitle')}</h5>
      {state.contacts.length === 0 ? (
        <p>{t('vocational.referrals.noContacts')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby={`${titleId}-contacts`}>
            <thead>
              <tr>
                <th scope="col">{t('vocational.referrals.contactWhen')}</th>
                <th scope="col">{t('vocational.referrals.contactStep')}</th>
                <th scope="col">{t('vocational.referrals.contactMode')}</th>
                <th scope="col">{t('vocational.referrals.contactNotes')}</th>
              </tr>
            </thead>
            <tbody>
              {state.contacts.map((contact) => (
                <tr key={`${contact.loggedAt}-${contact.occurredAt}`}>
                  <td>{when(contact.occurredAt)}</td>
                  <td>{t(`vocational.referrals.steps.${String(contact.step) as StepKey}`)}</td>
                  <td>{t(`vocational.referrals.modes.${contact.mode}`)}</td>
                  <td className="referral__notes">{contact.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h5 id={`${titleId}-notifications`}>{t('vocational.referrals.notificationsTitle')}</h5>
      {referral.notifications.length === 0 ? (
        <p>{t('vocational.referrals.noNotifications')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby={`${titleId}-notifications`}>
            <thead>
              <tr>
                <th scope="col">{t('vocational.referrals.notificationWhen')}</th>
                <th scope="col">{t('vocational.referrals.notificationWhat')}</th>
                <th scope="col">{t('vocational.referrals.notificationEmail')}</th>
              </tr>
            </thead>
            <tbody>
              {newestNotificationsFirst(referral.notifications).map((notification) => (
                <tr key={notification.id}>
                  <td>{when(notification.createdAt)}</td>
                  <td>
                    <strong>{t(`vocational.referrals.kinds.${notification.kind}`)}</strong>:{' '}
                    {notification.message}
                  </td>
                  <td>
                    <DeliveryStatus delivery={notification.delivery} sentAt={notification.sentAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ReferralActions
        patientId={patientId}
        referral={referral}
        isAdviser={isAdviser}
        isClinician={isClinician}
      />
    </article>
  );
}
