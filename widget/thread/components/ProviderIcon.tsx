import type { ProviderId } from '../../../contract/providers.ts';
import { PROVIDER_NAMES } from '../auth/providers.ts';

/**
 * Each provider's own mark, drawn here (inline: nothing is fetched from the
 * provider): the WordPress "W" in its ring, Twitter's X, Facebook's "f" in
 * its circle, in the colours their brand guides give sign-in buttons. Kept
 * whole and unaltered in proportion; the button around it carries the name.
 */
function Mark({ provider }: { provider: ProviderId }) {
  switch (provider) {
    case 'wordpress':
      return (
        <>
          <circle cx="12" cy="12" r="12" fill="#fff" />
          <circle cx="12" cy="12" r="10.6" fill="none" stroke="#21759b" strokeWidth="1.8" />
          <path
            d="M5.6 8.2 8.9 17.3 12 10.1l3.1 7.2 3.3-9.1"
            fill="none"
            stroke="#21759b"
            strokeWidth="1.9"
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        </>
      );
    case 'twitter':
      return (
        <>
          <rect width="24" height="24" rx="5" fill="#000" />
          <path d="M6.2 5.5h3.6l8 13h-3.6z" fill="#fff" />
          <path d="M17.6 5.5 6.6 18.5" stroke="#fff" strokeWidth="1.4" strokeLinecap="round" />
        </>
      );
    case 'facebook':
      return (
        <>
          <circle cx="12" cy="12" r="12" fill="#0866ff" />
          <path
            d="M13.4 24v-9.3h3l.5-3.4h-3.5V9.2c0-1 .4-1.8 1.9-1.8H17V4.5c-.5-.1-1.6-.2-2.7-.2-2.8 0-4.5 1.7-4.5 4.6v2.4H6.9v3.4h2.9V24z"
            fill="#fff"
          />
        </>
      );
  }
}

/** A provider's mark (decorative: the control it sits in is named). */
export function ProviderIcon({ provider, size = 24 }: { provider: ProviderId; size?: number }) {
  return (
    <svg
      className="provider-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <Mark provider={provider} />
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
