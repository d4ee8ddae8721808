import type { SbtRisk } from '@workup/contracts';
import { useTranslation } from 'react-i18next';

interface RiskTagProps {
  readonly risk: SbtRisk;
}

/** A STarT Back risk group as a tag; the text, not only the colour, carries the meaning. */
export function RiskTag({ risk }: RiskTagProps) {
  const { t } = useTranslation();
  return <strong className={`tag tag--${risk}`}>{t(`risk.${risk}`)}</strong>;
}
