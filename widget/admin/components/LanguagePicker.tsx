import { isLocale, LOCALE_NAMES, LOCALES } from '../../../contract/i18n/locales.ts';
import { useDashboard } from '../context.ts';
import { t } from '../i18n.ts';

/**
 * The dashboard's language, each named in itself; the choice is remembered
 * in this browser (i18n.ts). On the login page too, where an owner arrives.
 */
export function LanguagePicker() {
  const { locale, chooseLocale } = useDashboard();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={locale ?? 'en'}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isLocale(next)) chooseLocale(next);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
