import { lang, setLang, t } from '../i18n/i18n';

export function LanguageToggle() {
  return (
    <button
      type="button"
      class="button ghost lang-toggle"
      data-testid="lang-toggle"
      title={t('languageSwitch')}
      onClick={() => setLang(lang() === 'en' ? 'zh' : 'en')}
    >
      {t('language')}
    </button>
  );
}
