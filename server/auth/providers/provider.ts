import type { Request } from 'express';
import type { Strategy } from 'passport';
import type { Config } from '../../config.ts';
import type { ProviderId, ProviderProfile } from '../auth.types.ts';
import type { LoginTicket } from '../ticket.service.ts';

/** One sign-in provider as the auth routes drive it. */
export interface ProviderStrategy {
  id: ProviderId;
  /** A real Passport strategy; its `user` on success is a ProviderProfile. */
  strategy: Strategy;
  /** Extra `passport.authenticate` options at start (the account chooser on Change). */
  startOptions(ticket: LoginTicket): Record<string, unknown>;
  /** True when the provider's callback says the reader refused. */
  isDenial(req: Request): boolean;
}

/** Where a provider sends the reader back: register exactly this URL with it. */
export function callbackUrl(config: Config, provider: ProviderId): string {
  return `${config.publicUrl}/auth/${provider}/callback`;
}

/** The verify callback every strategy shares: the profile is the user. */
export function acceptProfile(
  profile: ProviderProfile,
  done: (err: Error | null, user?: ProviderProfile) => void,
): void {
  done(null, profile);
}

/** A string field of a JSON object, or null. */
export function stringField(source: Record<string, unknown>, key: string): string | null {
  const value = source[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** OAuth 2 providers answer a refusal with `error=access_denied` (RFC 6749 §4.1.2.1). */
export function isOAuth2Denial(req: Request): boolean {
  return req.query.error === 'access_denied';
}
