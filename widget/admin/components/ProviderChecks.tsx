import { PROVIDER_IDS, type ProviderId } from '../../../contract/providers.ts';
import { t } from '../i18n.ts';

// Brand names, the same in every language.
const PROVIDER_NAME: Record<ProviderId, string> = {
  wordpress: 'WordPress.com',
  twitter: 'Twitter',
  facebook: 'Facebook',
};

/** The sign-in providers a site offers, one checkbox each (all ticked is sent as null: see settings-form.ts). */
export function ProviderChecks({
  value,
  error,
  errorId,
  onChange,
}: {
  value: ProviderId[];
  error: string | undefined;
  errorId: string;
  onChange(next: (current: ProviderId[]) => ProviderId[]): void;
}) {
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{t('settings.signIn')}</legend>
      {PROVIDER_IDS.map((provider) => (
        <label key={provider} className="check">
          <input
            type="checkbox"
            // The first box is where a server error about providers puts the focus.
            name={provider === PROVIDER_IDS[0] ? 'providers' : undefined}
            checked={value.includes(provider)}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              onChange((current) =>
                on ? [...current, provider] : current.filter((p) => p !== provider),
              );
            }}
          />{' '}
          {t('settings.offerProvider', { provider: PROVIDER_NAME[provider] })}
        </label>
      ))}
      {error ? (
        <p id={errorId} className="error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
