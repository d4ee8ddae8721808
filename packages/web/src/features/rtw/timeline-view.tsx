import type { CheckpointView, PatientTimeline } from '@workup/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatShortDate } from './calendar';
import { checkpointLabel, eventLabel } from './event-label';
import { formatNetDays, layoutTimeline, relativeDays, sortEvents } from './timeline-layout';

function TimelineChart({ timeline }: { timeline: PatientTimeline }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const layout = layoutTimeline(timeline);
  if (layout === null) return null;
  const label = t('rtw.events.chartLabel', {
    start: formatCalendarDate(layout.start, i18n.language),
    end: formatCalendarDate(layout.end, i18n.language),
  });
  return (
    <figure className="rtw-chart" aria-labelledby={captionId}>
      <svg className="rtw-chart__svg" role="img" aria-label={label} width="100%" height="48">
        <line className="rtw-chart__axis" x1="0" x2="100%" y1="30" y2="30" />
        {layout.spells.map((spell) => (
          <rect
            key={spell.from}
            className="rtw-chart__spell"
            x={`${String(spell.leftPercent)}%`}
            width={`${String(spell.widthPercent)}%`}
            y="22"
            height="16"
          />
        ))}
        {layout.marks.map((mark, index) => (
          <circle
            key={`${mark.on}-${String(index)}`}
            className={
              mark.upcoming ? 'rtw-chart__mark rtw-chart__mark--upcoming' : 'rtw-chart__mark'
            }
            cx={`${String(mark.atPercent)}%`}
            cy="12"
            r="5"
          />
        ))}
        <line
          className="rtw-chart__today"
          x1={`${String(layout.todayPercent)}%`}
          x2={`${String(layout.todayPercent)}%`}
          y1="2"
          y2="46"
        />
      </svg>
      <div className="rtw-chart__axis-labels" aria-hidden="true">
        <span>{formatShortDate(layout.start, i18n.language)}</span>
        <span>{formatShortDate(layout.end, i18n.language)}</span>
      </div>
      <figcaption id={captionId} className="rtw-chart__caption">
        <span className="rtw-chart__key rtw-chart__key--spell" aria-hidden="true" />{' '}
        {t('rtw.events.sickLeaveBar')}{' '}
        <span className="rtw-chart__key rtw-chart__key--today" aria-hidden="true" />{' '}
        {t('rtw.events.today')}. {t('rtw.events.chartNote')}
      </figcaption>
    </figure>
  );
}

function CheckpointRow({ checkpoint }: { checkpoint: CheckpointView }) {
  const { t, i18n } = useTranslation();
  const relative = relativeDays(checkpoint.daysUntil);
  return (
    <tr className={`rtw-checkpoint rtw-checkpoint--${checkpoint.status}`}>
      <th scope="row">
        {checkpointLabel(t, checkpoint.code, checkpoint.description)}
        {checkpoint.condition === null ? null : (
          <span className="rtw-note">{t('rtw.checkpoints.condition')}</span>
        )}
        {checkpoint.note === undefined ? null : <span className="rtw-note">{checkpoint.note}</span>}
      </th>
      <td>
        <time dateTime={checkpoint.due}>{formatCalendarDate(checkpoint.due, i18n.language)}</time>
        <span className="rtw-note">
          {t('rtw.checkpoints.dayOf', { day: checkpoint.dayOfAbsence })}
        </span>
      </td>
      <td>
        {relative.key === 'today'
          ? t('rtw.relative.today')
          : t(`rtw.relative.${relative.key}`, { count: relative.count })}
      </td>
      <td>
        <span className={`tag rtw-status rtw-status--${checkpoint.status}`}>
          {t(`rtw.checkpoints.statuses.${checkpoint.status}`)}
        </span>
      </td>
      <td>{checkpoint.audience.map((who) => t(`rtw.checkpoints.audiences.${who}`)).join(', ')}</td>
      <td>
        {checkpoint.source}{' '}
        <span className="rtw-note">
          [{checkpoint.tag}] {t(`rtw.checkpoints.tag.${checkpoint.tag}`)}
        </span>
      </td>
    </tr>
  );
}

/**
 * The return-to-work timeline: the figures (spells, gross and net days, RTW and sustained RTW
 * or not yet, censoring) with the country preset they were counted by, the statutory deadlines
 * of the current absence, and every dated event as a list and as a compact chart.
 */
export function TimelineView({ timeline }: { timeline: PatientTimeline }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatCalendarDate(iso, i18n.language);
  const net = (days: number) => formatNetDays(days, i18n.language);
  const { gapDays, sustainedDays } = timeline.parameters;
  const events = sortEvents(timeline.events);

  return (
    <>
      <h3 id="rtw-timeline-title">{t('rtw.timeline.title')}</h3>
      <dl className="rtw-facts">
        <dt>{t('rtw.timeline.preset')}</dt>
        <dd>
          <span>{t(`rtw.timeline.presets.${timeline.preset}`)}</span>
          <span className="rtw-note">
            {gapDays === 0
              ? t('rtw.timeline.gapNone')
              : t('rtw.timeline.gapDays', { count: gapDays })}
            {'. '}
            {t('rtw.timeline.sustainedDays', { count: sustainedDays })}.
          </span>
        </dd>
        <dt>{t('rtw.timeline.followUp')}</dt>
        <dd>
          {timeline.followUp === null
            ? t('rtw.timeline.noFollowUp')
            : t('rtw.timeline.followUpRange', {
                start: date(timeline.followUp.start),
                end: date(timeline.followUp.end),
              })}
        </dd>
        <dt>{t('rtw.timeline.grossDays')}</dt>
        <dd>{timeline.grossDays}</dd>
        <dt>{t('rtw.timeline.netDays')}</dt>
        <dd>{net(timeline.netDays)}</dd>
        <dt>{t('rtw.timeline.currentAbsence')}</dt>
        <dd>
          {timeline.currentAbsence === null
            ? t('rtw.timeline.noCurrentAbsence')
            : t('rtw.periods.range', {
                from: date(timeline.currentAbsence.from),
                to: date(timeline.currentAbsence.to),
              })}
        </dd>
        <dt>{t('rtw.timeline.rtw')}</dt>
        <dd>{timeline.rtw === null ? t('rtw.timeline.notYet') : date(timeline.rtw)}</dd>
        <dt>{t('rtw.timeline.sustainedRtw')}</dt>
        <dd>
          {timeline.sustainedRtw === null ? t('rtw.timeline.notYet') : date(timeline.sustainedRtw)}
        </dd>
        <dt>{t('rtw.timeline.status')}</dt>
        <dd>{timeline.censored ? t('rtw.timeline.censored') : t('rtw.timeline.notCensored')}</dd>
      </dl>

      <TimelineChart timeline={timeline} />

      <h4 id="rtw-spells-title">{t('rtw.timeline.spellsTitle')}</h4>
      {timeline.spells.length === 0 ? (
        <p>{t('rtw.timeline.noSpells')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby="rtw-spells-title">
            <thead>
              <tr>
                <th scope="col">{t('rtw.timeline.spell')}</th>
                <th scope="col">{t('rtw.timeline.gross')}</th>
                <th scope="col">{t('rtw.timeline.net')}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.spells.map((spell) => (
                <tr key={spell.from}>
                  <td>{t('rtw.periods.range', { from: date(spell.from), to: date(spell.to) })}</td>
                  <td>{spell.grossDays}</td>
                  <td>{net(spell.netDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4 id="rtw-checkpoints-title">{t('rtw.checkpoints.title')}</h4>
      {timeline.checkpoints.length === 0 ? (
        <p>{t('rtw.checkpoints.none')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--compact" aria-labelledby="rtw-checkpoints-title">
            <thead>
              <tr>
                <th scope="col">{t('rtw.checkpoints.what')}</th>
                <th scope="col">{t('rtw.checkpoints.due')}</th>
                <th scope="col">{t('rtw.checkpoints.when')}</th>
                <th scope="col">{t('rtw.checkpoints.status')}</th>
                <th scope="col">{t('rtw.checkpoints.audience')}</th>
                <th scope="col">{t('rtw.checkpoints.source')}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.checkpoints.map((checkpoint) => (
                <CheckpointRow key={checkpoint.code} checkpoint={checkpoint} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4 id="rtw-events-title">{t('rtw.events.title')}</h4>
      {events.length === 0 ? (
        <p>{t('rtw.events.none')}</p>
      ) : (
        <ol className="rtw-events" aria-label={t('rtw.events.listLabel')}>
          {events.map((event, index) => (
            <li
              key={`${event.on}-${event.kind}-${event.code ?? ''}-${String(index)}`}
              className={event.upcoming ? 'rtw-event rtw-event--upcoming' : 'rtw-event'}
            >
              <time dateTime={event.on} className="rtw-event__date">
                {date(event.on)}
              </time>{' '}
              <span className="rtw-event__label">{eventLabel(t, event)}</span>
              {event.upcoming ? (
                <span className="tag rtw-event__upcoming">{t('rtw.events.upcoming')}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
