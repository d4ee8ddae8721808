import { FLAG_COLOURS, type Evidence, type Plan } from '@workup/contracts';
import { findInstrument } from '@workup/core';
import { useTranslation } from 'react-i18next';

/** What a rule saw, in words: the item's text (our paraphrase) or the score, and the value. */
export function evidenceText(evidence: Evidence): string {
  if ('flag' in evidence) return `${evidence.flag}: ${evidence.value ? 'yes' : 'no'}`;
  if ('context' in evidence) return `${evidence.context} = ${String(evidence.value ?? '–')}`;
  const instrument = findInstrument(evidence.instrument);
  const title = instrument?.definition.title ?? evidence.instrument;
  if ('item' in evidence) {
    const item = instrument?.definition.items.find((candidate) => candidate.key === evidence.item);
    const label =
      item?.kind === 'choice'
        ? item.options.find((option) => option.code === evidence.value)?.label
        : undefined;
    const value = evidence.value === null ? '–' : (label ?? String(evidence.value));
    return `${title}, ${item?.text ?? evidence.item}: ${value}`;
  }
  return `${title}, ${evidence.score}: ${String(evidence.value ?? '–')}`;
}

/**
 * The flag profile of the latest plan by colour, each flag with its evidence: the rule that
 * raised it and what that rule saw (`because`).
 */
export function FlagProfile({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const raised = FLAG_COLOURS.filter((colour) => plan.triage.flags[colour].length > 0);
  return (
    <section aria-labelledby="flags-title" className="panel">
      <h2 id="flags-title">{t('flags.title')}</h2>
      {raised.length === 0 ? <p>{t('flags.none')}</p> : null}
      {raised.map((colour) => (
        <div key={colour} className={`flag-group flag-group--${colour}`}>
          <h3>
            <span className={`tag tag--flag-${colour}`}>{t(`flagColours.${colour}`)}</span>
          </h3>
          <ul className="flag-list">
            {plan.triage.flags[colour].map((flag) => (
              <li key={flag.code}>
                <strong>{flag.title}</strong>
                <details className="because">
                  <summary>{t('flags.because')}</summary>
                  <ul>
                    {flag.because.map((because) => (
                      <li key={because.rule}>
                        <span className="muted">{t('flags.rule', { rule: because.rule })}</span>
                        <ul>
                          {because.evidence.map((evidence, index) => (
                            <li key={index}>{evidenceText(evidence)}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
