/** The sign-in providers this server has credentials for, built from config. */
import type { Config } from '../../config.ts';
import type { ProviderId } from '../auth.types.ts';
import { facebookProvider } from './facebook.ts';
import type { ProviderStrategy } from './provider.ts';
import { twitterProvider } from './twitter.ts';
import { wordpressProvider } from './wordpress.ts';

export type { ProviderStrategy } from './provider.ts';
export { callbackUrl } from './provider.ts';

/** One strategy per configured provider; unconfigured ones are absent. */
export function buildProviders(config: Config): Map<ProviderId, ProviderStrategy> {
  const { wordpress, twitter, facebook } = config.providers;
  const providers = new Map<ProviderId, ProviderStrategy>();
  if (wordpress) providers.set('wordpress', wordpressProvider(wordpress, config));
  if (twitter) providers.set('twitter', twitterProvider(twitter, config));
  if (facebook) providers.set('facebook', facebookProvider(facebook, config));
  return providers;
}
