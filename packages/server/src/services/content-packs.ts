import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyContentPack,
  findInstrument,
  paraphraseText,
  type Instrument,
  type QuestionnaireText,
} from '@workup/core';
import { ConfigError } from '../config';

/** The words of every instrument: a site's content packs where loaded, our paraphrases elsewhere. */
export interface ContentPackStore {
  /** The pack's text in `language` when one is loaded, else our English paraphrase. */
  text(instrument: Instrument, language?: string): QuestionnaireText;
  /** Languages with a loaded pack, per instrument id. */
  languages(instrumentId: string): readonly string[];
}

/**
 * Loads and checks every `*.json` in `dir` once, at start-up. A pack that does not parse, names
 * an unknown instrument, or does not word exactly the definition's items and codes stops the
 * server with every problem named (file and field), rather than showing patients half a
 * questionnaire. Two packs for one instrument and language are refused too.
 */
export function loadContentPacks(dir: string | null): ContentPackStore {
  const packs = new Map<string, Map<string, QuestionnaireText>>();
  if (dir !== null) {
    const problems: string[] = [];
    let files: string[];
    try {
      files = readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort();
    } catch (error) {
      throw new ConfigError([
        `CONTENT_PACK_DIR: cannot read ${dir}: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
    for (const file of files) {
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      } catch (error) {
        problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const id = (raw as { instrument?: unknown } | null)?.instrument;
      const instrument = typeof id === 'string' ? findInstrument(id) : undefined;
      if (instrument === undefined) {
        problems.push(`${file}: instrument: not a workup instrument (${JSON.stringify(id)})`);
        continue;
      }
      const outcome = applyContentPack(instrument.definition, raw);
      if (!outcome.ok) {
        for (const issue of outcome.issues) {
          problems.push(`${file}: ${issue.path.join('.') || '(pack)'}: ${issue.message}`);
        }
        continue;
      }
      const byLanguage =
        packs.get(instrument.definition.id) ?? new Map<string, QuestionnaireText>();
      if (byLanguage.has(outcome.text.language)) {
        problems.push(
          `${file}: a second pack for ${instrument.definition.id} in "${outcome.text.language}"`,
        );
        continue;
      }
      byLanguage.set(outcome.text.language, outcome.text);
      packs.set(instrument.definition.id, byLanguage);
    }
    if (problems.length > 0) {
      throw new ConfigError(problems.map((problem) => `CONTENT_PACK_DIR ${problem}`));
    }
  }
  return {
    text: (instrument, language) => {
      const byLanguage = packs.get(instrument.definition.id);
      const exact = language === undefined ? undefined : byLanguage?.get(language);
      const base = language?.split('-')[0];
      const loose = base === undefined ? undefined : byLanguage?.get(base);
      return exact ?? loose ?? paraphraseText(instrument.definition);
    },
    languages: (instrumentId) => [...(packs.get(instrumentId)?.keys() ?? [])].sort(),
  };
}
