import type { ProviderId } from '../../../contract/providers.ts';

/** The providers' own names (brands: never translated). Eager, unlike the sign-in flow. */
export const PROVIDER_NAMES: Record<ProviderId, string> = {
  wordpress: 'WordPress.com',
  twitter: 'Twitter',
  facebook: 'Facebook',
};
