/**
 * Which addresses the image proxy may connect to: public unicast only. A
 * picture URL comes from a provider profile or a comment form, so without
 * this anyone could make Parley fetch its own admin ports, the cloud
 * metadata service (169.254.169.254) or anything else on its network (SSRF).
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

// Everything that is not a public unicast address: IANA's special-purpose
// registries (RFC 6890 and successors) for both families.
const PRIVATE_V4 = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const;

const PRIVATE_V6 = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID…)
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const;

export interface AddressPolicy {
  /** Whether the proxy may connect to this IP address (v4 or v6, any notation). */
  allows(address: string): boolean;
}

/**
 * The policy: public addresses, plus exactly the `allow` entries (IPs or CIDR
 * ranges, from AVATAR_PROXY_ALLOW) that a deployment opens on purpose (the
 * demo's local sandbox providers). An allow entry wins over the built-in
 * refusals; nothing else does.
 */
export function createAddressPolicy(allow: readonly string[] = []): AddressPolicy {
  const refused = new BlockList();
  for (const [net, prefix] of PRIVATE_V4) refused.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of PRIVATE_V6) refused.addSubnet(net, prefix, 'ipv6');
  const allowed = new BlockList();
  for (const entry of allow) {
    const [address = '', prefix] = entry.split('/');
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) allowed.addAddress(address, family);
    else allowed.addSubnet(address, Number(prefix), family);
  }
  return {
    allows(raw) {
      const address = raw.replace(/^\[|\]$/g, '');
      const embedded = embeddedIPv4(address);
      if (embedded) return this.allows(embedded);
      const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
      if (!family) return false;
      if (allowed.check(address, family)) return true;
      return !refused.check(address, family);
    },
  };
}

/**
 * The IPv4 address inside an IPv6 one that the network delivers to that IPv4
 * address: IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4
 * (2002:AABB:CCDD::/16). Checked as the IPv4 address it is, so
 * `::ffff:127.0.0.1` is loopback and `2002:7f00:1::` is too.
 */
function embeddedIPv4(address: string): string | null {
  if (!isIPv6(address)) return null;
  const words = expandIPv6(address);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zero = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zero(0, 5) && words[5] === 0xffff) return v4(words[6] ?? 0, words[7] ?? 0);
  if (words[0] === 0x64 && words[1] === 0xff9b && zero(2, 6)) {
    return v4(words[6] ?? 0, words[7] ?? 0);
  }
  if (words[0] === 0x2002) return v4(words[1] ?? 0, words[2] ?? 0);
  return null;
}

/** The eight 16-bit words of an IPv6 address (a trailing dotted IPv4 part included). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
}
