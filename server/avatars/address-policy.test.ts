import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';

describe('the avatar proxy’s address policy', () => {
  const policy = createAddressPolicy();

  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1', // ULA
    'ff02::1',
    '::ffff:127.0.0.1', // IPv4-mapped loopback
    '::ffff:7f00:1', // the same, hex notation
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '::127.0.0.1', // IPv4-compatible
    '[::1]',
    'not-an-ip',
    '',
  ])('refuses %s', (address) => {
    expect(policy.allows(address)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:1.1.1.1', '172.32.0.1'])(
    'allows the public address %s',
    (address) => {
      expect(policy.allows(address)).toBe(true);
    },
  );

  it('opens exactly the AVATAR_PROXY_ALLOW ranges, nothing around them', () => {
    const demo = createAddressPolicy(['127.0.0.1', '10.9.0.0/16']);
    expect(demo.allows('127.0.0.1')).toBe(true);
    expect(demo.allows('::ffff:127.0.0.1')).toBe(true);
    expect(demo.allows('10.9.200.1')).toBe(true);
    expect(demo.allows('127.0.0.2')).toBe(false);
    expect(demo.allows('10.10.0.1')).toBe(false);
    expect(demo.allows('::1')).toBe(false);
    expect(demo.allows('169.254.169.254')).toBe(false);
  });
});
