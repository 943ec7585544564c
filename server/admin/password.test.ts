import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';

describe("the decoy hash (checked for an unknown email's login)", () => {
  it('has the parameters of a real hash, so checking a password against it costs the same', async () => {
    const parameters = (stored: string) => stored.split('$').slice(0, 4);
    expect(parameters(decoyHash())).toEqual(parameters(await hashPassword('a password')));
  });

  it('matches no password', async () => {
    const decoy = decoyHash();
    expect(await verifyPassword('', decoy)).toBe(false);
    expect(await verifyPassword(decoy, decoy)).toBe(false);
    expect(decoyHash()).not.toBe(decoy);
  });
});
