/** What the dashboard tells the admin when a call fails, by error code. */
import { ApiError } from './api.ts';

export function errorMessage(error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'internal_error';
  switch (code) {
    case 'unauthorized':
      return 'Wrong email or password.';
    case 'rate_limited':
      return 'Too many attempts. Please wait a minute and try again.';
    case 'forbidden':
      return 'You may not moderate this site.';
    case 'network_error':
      return 'Parley could not be reached. Check your connection and try again.';
    default:
      return 'Something went wrong. Please try again.';
  }
}

/** Whether the session is gone (expired, signed out elsewhere): back to the login. */
export function sessionEnded(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthorized';
}
