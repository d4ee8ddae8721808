import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { cdmEn } from '../features/cdm/messages';
import type { rtwEn } from '../features/rtw/messages';
import type { vocationalEn } from '../features/vocational/messages';
import { en, type Messages } from './en';
import { sv } from './sv';

/**
 * The texts of staff features, each in its own `messages.ts` (English, and Swedish of the same
 * type). They are added when a chunk that shows them loads (`registerMessages`), not at start-up.
 */
export interface FeatureMessages {
  cdm: typeof cdmEn;
  rtw: typeof rtwEn;
  vocational: typeof vocationalEn;
}

/** Every text the app can show, for i18next's typed keys. */
export type AllMessages = Messages & FeatureMessages;

/**
 * Adds a feature's texts in both languages (idempotent). Called at the top of the lazy chunk
 * that shows them, before any of its components renders.
 */
export function registerMessages<K extends keyof FeatureMessages>(
  key: K,
  english: FeatureMessages[K],
  swedish: FeatureMessages[K],
): void {
  i18next.addResourceBundle('en', 'translation', { [key]: english }, true, true);
  i18next.addResourceBundle('sv', 'translation', { [key]: swedish }, true, true);
}

/** Languages the app ships texts for; the first is the fallback. */
export const LANGUAGES = ['en', 'sv'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'workup.language';

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the one chosen earlier, else the browser's first supported
 * preference (`sv-SE` counts as `sv`), else English.
 */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored !== null && isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    // Storage may be disabled (private mode, policy); the browser's preference still applies.
    if (error instanceof DOMException) return null;
    throw error;
  }
}

/** Starts i18next with the bundled resources; synchronous because nothing is fetched. */
export function initI18n(): typeof i18next {
  const language = pickLanguage(readStoredLanguage(), navigator.languages);
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, sv: { translation: sv } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  document.documentElement.lang = language;
  return i18next;
}

/** Switches language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch (error) {
    if (!(error instanceof DOMException)) throw error;
    // Not remembered when storage is unavailable; the switch still applies to this visit.
  }
}
