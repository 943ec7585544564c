/**
 * SMTP settings for moderator notifications. config.ts is the one place that
 * reads process.env: it can fold `MailEnvSchema.shape` into its own schema and
 * call `toMailConfig` on the parsed values; until then `loadMailConfig(env)`
 * does both on its own.
 */
import { z } from 'zod';

/** `SMTP_URL=` in a .env file means "not set", not "invalid URL". */
const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

export const MailEnvSchema = z.object({
  // smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS).
  // Unset: moderators get no email; everything else works the same.
  SMTP_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ),
  MAIL_FROM: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an address, e.g. Parley <parley@example.com>')
      .default('Parley <parley@localhost>'),
  ),
});

export type MailEnv = z.infer<typeof MailEnvSchema>;

export type MailConfig =
  | { readonly enabled: false; readonly from: string }
  | { readonly enabled: true; readonly from: string; readonly smtpUrl: string };

export class MailConfigError extends Error {}

/** Turns already-validated env values into the frozen mail settings. */
export function toMailConfig(env: MailEnv): MailConfig {
  return Object.freeze(
    env.SMTP_URL
      ? { enabled: true as const, from: env.MAIL_FROM, smtpUrl: env.SMTP_URL }
      : { enabled: false as const, from: env.MAIL_FROM },
  );
}

/** Reads SMTP_URL and MAIL_FROM; throws MailConfigError naming each bad variable. */
export function loadMailConfig(env: Record<string, string | undefined>): MailConfig {
  const parsed = MailEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new MailConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toMailConfig(parsed.data);
}

/** The SMTP URL without its password, for logs. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
