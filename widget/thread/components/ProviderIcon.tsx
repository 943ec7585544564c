import type { ProviderId } from '../../../contract/providers.ts';
import { PROVIDER_NAMES } from '../auth.ts';

/** Brand colour and letter of each provider's small mark. */
const MARKS: Record<ProviderId, [color: string, letter: string]> = {
  wordpress: ['#21759b', 'W'],
  twitter: ['#1d9bf0', 't'],
  facebook: ['#1877f2', 'f'],
};

/** A provider's icon: a rounded square in its colour with its letter (decorative). */
export function ProviderIcon({ provider, size = 24 }: { provider: ProviderId; size?: number }) {
  const [color, letter] = MARKS[provider];
  return (
    <svg
      className="provider-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <rect width="24" height="24" rx="5" fill={color} />
      <text
        x="12"
        y="17.5"
        textAnchor="middle"
        fontFamily="Arial,Helvetica,sans-serif"
        fontSize="16"
        fontWeight="700"
        fill="#fff"
      >
        {letter}
      </text>
    </svg>
  );
}

/** "via Twitter": the small mark beside a signed-in author's name. */
export function ProviderMark({ provider }: { provider: ProviderId }) {
  const label = `via ${PROVIDER_NAMES[provider]}`;
  return (
    <span className="provider-mark" role="img" aria-label={label} title={label}>
      <ProviderIcon provider={provider} size={14} />
    </span>
  );
}
