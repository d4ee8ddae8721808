import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../i18n/index';

/** Buttons to switch between the shipped languages; each names its language in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('common.language')}>
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <button
              type="button"
              className="link-button"
              lang={language}
              aria-pressed={i18n.resolvedLanguage === language}
              onClick={() => void changeLanguage(language)}
            >
              {t(`common.languageNames.${language}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
