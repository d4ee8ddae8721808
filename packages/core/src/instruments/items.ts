import type { ChoiceItem, IntegerItem } from './types';

/** An item answered with a whole number from `min` to `max`, with the ends' labels. */
export function ratingItem(
  key: string,
  text: string,
  range: { readonly min: number; readonly max: number },
  anchors: { readonly min: string; readonly max: string },
): IntegerItem {
  return { kind: 'integer', key, text, min: range.min, max: range.max, anchors };
}

/** An item answered by choosing one coded option. */
export function choiceItem(key: string, text: string, options: ChoiceItem['options']): ChoiceItem {
  return { kind: 'choice', key, text, options };
}
