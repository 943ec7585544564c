import type { Request } from 'express';
import { type Locale, negotiateLocale } from '../../contract/i18n/locales.ts';

/** The shipped language the browser asks for first (Accept-Language), else English. */
export function browserLocale(req: Request): Locale {
  return negotiateLocale(req.acceptsLanguages());
}
