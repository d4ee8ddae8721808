import type { CdmActionItem, CheckpointView, EmployerView } from '@workup/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkpointLabel } from '../rtw/event-label';
import { formatCalendarDate } from './calendar-date';
import { employerDeadlines, hasSharedDetails } from './employer-view-model';

// Shared by the clinician's preview, the employer's page and the printable action plan, so all
// three show an employer view the same way. No TanStack Query or staff API here: the employer's
// chunk imports this file.

export type HeadingLevel = 2 | 3 | 4 | 5;

export function Heading({
  level,
  id,
  children,
}: {
  level: HeadingLevel;
  id?: string;
  children: ReactNode;
}) {
  const Tag = `h${String(level)}` as 'h2' | 'h3' | 'h4' | 'h5';
  return <Tag id={id}>{children}</Tag>;
}

/** The three dates the employer may know: the meeting with them, the joint one, the review. */
export function ViewDates({ view, extra }: { view: EmployerView; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null, missing: string) =>
    value === null ? (
      <span className="muted">{missing}</span>
    ) : (
      formatCalendarDate(value, i18n.language)
    );
  return (
    <dl className="cdm-dates">
      {extra}
      <div className="cdm-dates__row">
        <dt>{t('cdm.view.employerMeetingOn')}</dt>
        <dd>{date(view.employerMeetingOn, t('cdm.view.notYet'))}</dd>
      </div>
      <div className="cdm-dates__row">
        <dt>{t('cdm.view.jointMeetingOn')}</dt>
        <dd>{date(view.jointMeetingOn, t('cdm.view.notYet'))}</dd>
      </div>
      <div className="cdm-dates__row">
        <dt>{t('cdm.view.reviewOn')}</dt>
        <dd>{date(view.reviewOn, t('cdm.view.notSet'))}</dd>
      </div>
    </dl>
  );
}

/** The written action plan as a table: what, who, by when. */
export function ActionPlanTable({
  actions,
  captionId,
}: {
  actions: readonly CdmActionItem[];
  captionId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrapper">
      <table className="table table--compact cdm-plan" aria-labelledby={captionId}>
        <thead>
          <tr>
            <th scope="col">{t('cdm.columnsPlan.what')}</th>
            <th scope="col">{t('cdm.columnsPlan.who')}</th>
            <th scope="col">{t('cdm.columnsPlan.byWhen')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <td>{action.what}</td>
              <td>{t(`cdm.actors.${action.who}`)}</td>
              <td>{formatCalendarDate(action.byWhen, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const TEXT_SECTIONS = ['obstacles', 'resources', 'employerView', 'possibleAdjustments'] as const;

/**
 * The shared items of an employer view, section by section, and its action plan. A view with
 * nothing shared (or a withdrawn consent) says so instead.
 */
export function SharedSections({
  view,
  level,
  idPrefix,
  showActionPlan = true,
}: {
  view: EmployerView;
  level: HeadingLevel;
  idPrefix: string;
  showActionPlan?: boolean;
}) {
  const { t } = useTranslation();
  if (!hasSharedDetails(view)) {
    return (
      <p className="notice" data-testid="nothing-shared">
        {t('cdm.view.nothingShared')}
      </p>
    );
  }
  return (
    <>
      {TEXT_SECTIONS.map((section) =>
        view[section].length === 0 ? null : (
          <div key={section} className="cdm-shared">
            <Heading level={level}>{t(`cdm.sections.${section}`)}</Heading>
            <ul className="cdm-shared__list">
              {view[section].map((item) => (
                <li key={item.id}>{item.text}</li>
              ))}
            </ul>
          </div>
        ),
      )}
      {showActionPlan ? (
        <div className="cdm-shared">
          <Heading level={level} id={`${idPrefix}-plan-title`}>
            {t('cdm.sections.actionPlan')}
          </Heading>
          {view.actionPlan.length === 0 ? (
            <p>{t('cdm.view.noActionPlan')}</p>
          ) : (
            <ActionPlanTable actions={view.actionPlan} captionId={`${idPrefix}-plan-title`} />
          )}
        </div>
      ) : null}
    </>
  );
}

/** The statutory deadlines that fall to the employer and are still ahead. */
export function EmployerDeadlines({
  checkpoints,
  level,
  idPrefix,
}: {
  checkpoints: readonly CheckpointView[];
  level: HeadingLevel;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const deadlines = employerDeadlines(checkpoints);
  return (
    <div className="cdm-deadlines">
      <Heading level={level} id={`${idPrefix}-deadlines-title`}>
        {t('cdm.deadlines.title')}
      </Heading>
      {deadlines.length === 0 ? (
        <p>{t('cdm.deadlines.none')}</p>
      ) : (
        <ul className="cdm-deadlines__list" aria-labelledby={`${idPrefix}-deadlines-title`}>
          {deadlines.map((checkpoint) => (
            <li key={`${checkpoint.code}-${checkpoint.due}`}>
              <strong>
                {t('cdm.deadlines.due', {
                  date: formatCalendarDate(checkpoint.due, i18n.language),
                })}
              </strong>{' '}
              <span className="muted">
                (
                {checkpoint.status === 'due_today'
                  ? t('cdm.deadlines.today')
                  : t('cdm.deadlines.inDays', { count: checkpoint.daysUntil })}
                )
              </span>
              : {checkpointLabel(t, checkpoint.code, checkpoint.description)}
              {checkpoint.condition === 'expected_over_60_days' && checkpoint.applies === null ? (
                <span className="muted"> {t('rtw.checkpoints.condition')}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
