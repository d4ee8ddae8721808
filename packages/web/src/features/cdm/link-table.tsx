import type { EmployerLink } from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';

/**
 * The links issued for a meeting (the employer's or the patient's): status, when created, when
 * they expire, when last opened, and a Revoke button on each active one.
 */
export function LinkTable({
  links,
  captionId,
  caption,
  none,
  revokeLabel,
  revoking,
  onRevoke,
}: {
  links: readonly EmployerLink[];
  captionId: string;
  caption: string;
  none: string;
  /** The accessible name of a Revoke button, from the link's creation time. */
  revokeLabel: (created: string) => string;
  revoking: boolean;
  onRevoke: (linkId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h5 id={captionId}>{caption}</h5>
      {links.length === 0 ? (
        <p>{none}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby={captionId}>
            <thead>
              <tr>
                <th scope="col">{t('cdm.links.status')}</th>
                <th scope="col">{t('cdm.links.created')}</th>
                <th scope="col">{t('cdm.links.expires')}</th>
                <th scope="col">{t('cdm.links.lastOpened')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('cdm.links.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => {
                const createdAt = formatDateTime(link.createdAt, i18n.language);
                return (
                  <tr key={link.id}>
                    <td>
                      <span className={`tag cdm-link-status--${link.status}`}>
                        {t(`cdm.links.statuses.${link.status}`)}
                      </span>
                    </td>
                    <td>{createdAt}</td>
                    <td>{formatDateTime(link.expiresAt, i18n.language)}</td>
                    <td>
                      {link.lastOpenedAt === null
                        ? t('cdm.links.never')
                        : formatDateTime(link.lastOpenedAt, i18n.language)}
                    </td>
                    <td>
                      {link.status === 'active' ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={revokeLabel(createdAt)}
                          disabled={revoking}
                          onClick={() => {
                            onRevoke(link.id);
                          }}
                        >
                          {t('cdm.links.revoke')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
