import {
  Eq5d3lScoresSchema,
  OdiScoresSchema,
  PainNrsScoresSchema,
  type InstrumentResult,
} from '@workup/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';

/** One answered timepoint: the outcome measures sent with one link. */
export interface TrajectoryPoint {
  readonly at: string;
  readonly timepoint: string | null;
  readonly odi: number | null;
  readonly back: number | null;
  readonly leg: number | null;
  readonly vas: number | null;
}

/**
 * The outcome measures over time, one point per submission (responses sent together share a
 * time): ODI percent, back and leg pain, EQ VAS; null where that questionnaire was not in it.
 */
export function trajectoryOf(results: readonly InstrumentResult[]): TrajectoryPoint[] {
  const points = new Map<string, TrajectoryPoint>();
  for (const result of results) {
    if (result.scores === null) continue;
    const point = points.get(result.submittedAt) ?? {
      at: result.submittedAt,
      timepoint: result.timepoint,
      odi: null,
      back: null,
      leg: null,
      vas: null,
    };
    if (result.instrument === 'odi') {
      points.set(result.submittedAt, {
        ...point,
        odi: OdiScoresSchema.parse(result.scores).percent,
      });
    } else if (result.instrument === 'pain_nrs') {
      const pain = PainNrsScoresSchema.parse(result.scores);
      points.set(result.submittedAt, { ...point, back: pain.back, leg: pain.leg });
    } else if (result.instrument === 'eq5d3l') {
      points.set(result.submittedAt, {
        ...point,
        vas: Eq5d3lScoresSchema.parse(result.scores).vas,
      });
    }
  }
  return [...points.values()]
    .filter((p) => p.odi !== null || p.back !== null || p.leg !== null || p.vas !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
}

const WIDTH = 480;
const HEIGHT = 200;
const PAD = { left: 36, right: 12, top: 12, bottom: 24 };

/** A series on a 0-100 scale (pain is drawn ×10 so both share the axis). */
const SERIES = [
  { key: 'odi', scale: 1, className: 'chart__line--odi' },
  { key: 'back', scale: 10, className: 'chart__line--back' },
] as const;

/**
 * The trajectory across timepoints: a small line chart (ODI % and back pain ×10 on one 0-100
 * axis, each with its own line style) and the same numbers as a table, which is what screen
 * readers get.
 */
export function TrajectoryChart({ results }: { results: readonly InstrumentResult[] }) {
  const { t, i18n } = useTranslation();
  const points = trajectoryOf(results);
  if (points.length === 0) return null;
  const x = (index: number) =>
    points.length === 1
      ? PAD.left + (WIDTH - PAD.left - PAD.right) / 2
      : PAD.left + (index * (WIDTH - PAD.left - PAD.right)) / (points.length - 1);
  const y = (value: number) => PAD.top + ((100 - value) * (HEIGHT - PAD.top - PAD.bottom)) / 100;
  return (
    <figure className="chart" aria-labelledby="trajectory-title">
      <figcaption id="trajectory-title">
        <h3>{t('results.trajectoryTitle')}</h3>
      </figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        aria-hidden="true"
        focusable="false"
      >
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line
              className="chart__grid"
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className="chart__tick" x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {SERIES.map((series) => {
          const drawn = points
            .map((point, index) => ({ index, value: point[series.key] }))
            .filter((p): p is { index: number; value: number } => p.value !== null);
          return (
            <g key={series.key}>
              <polyline
                className={`chart__line ${series.className}`}
                points={drawn
                  .map((p) => `${String(x(p.index))},${String(y(p.value * series.scale))}`)
                  .join(' ')}
              />
              {drawn.map((p) => (
                <circle
                  key={p.index}
                  className={`chart__dot ${series.className}`}
                  cx={x(p.index)}
                  cy={y(p.value * series.scale)}
                  r={4}
                />
              ))}
            </g>
          );
        })}
      </svg>
      <p className="chart__legend">
        <span className="chart__key chart__key--odi">{t('results.measures.odi')} (%)</span>{' '}
        <span className="chart__key chart__key--back">{t('results.measures.back')} (× 10)</span>
      </p>
      <div className="table-wrapper">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('results.trajectoryTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.answered')}</th>
              <th scope="col">{t('results.measures.odi')} (%)</th>
              <th scope="col">{t('results.measures.back')}</th>
              <th scope="col">{t('results.measures.leg')}</th>
              <th scope="col">{t('results.labels.vas')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.at}>
                <th scope="row">
                  {formatDate(point.at, i18n.language)}
                  {point.timepoint === null ? null : ` (${point.timepoint.replaceAll('_', ' ')})`}
                </th>
                <td>{point.odi === null ? '–' : point.odi.toFixed(1)}</td>
                <td>{point.back ?? '–'}</td>
                <td>{point.leg ?? '–'}</td>
                <td>{point.vas ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
