import { FLAG_COLOURS, type FlagColour } from '@workup/contracts';
import { useTranslation } from 'react-i18next';

interface FlagTagsProps {
  readonly flags: readonly { readonly colour: FlagColour; readonly code: string }[];
}

/** The flag profile in brief: one tag per colour raised, with the codes in words. */
export function FlagTags({ flags }: FlagTagsProps) {
  const { t } = useTranslation();
  if (flags.length === 0) return <>–</>;
  return (
    <ul className="flag-tags">
      {FLAG_COLOURS.filter((colour) => flags.some((flag) => flag.colour === colour)).map(
        (colour) => (
          <li key={colour}>
            <span className={`tag tag--flag-${colour}`}>{t(`flagColours.${colour}`)}</span>{' '}
            <span className="flag-tags__codes">
              {flags
                .filter((flag) => flag.colour === colour)
                .map((flag) => flag.code.replaceAll('_', ' '))
                .join(', ')}
            </span>
          </li>
        ),
      )}
    </ul>
  );
}
