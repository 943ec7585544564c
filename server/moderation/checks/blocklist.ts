import { BlockList, isIPv4, isIPv6 } from 'node:net';
import {
  approve,
  type CommentCandidate,
  objection,
  type PureCheck,
  type VerdictDetail,
} from '../moderation.types.ts';

/** `::ffff:203.0.113.7` (how a dual-stack socket reports IPv4) is the IPv4 address for matching. */
function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

type IpFamily = 'ipv4' | 'ipv6';

function familyOf(address: string): IpFamily | null {
  return isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
}

/** Adds one rule (an address or a CIDR range) to the list; false when it is malformed. */
function addRule(list: BlockList, rule: string): boolean {
  const [rawAddress = '', prefix, ...rest] = rule.trim().split('/');
  const address = normalizeIp(rawAddress);
  const family = familyOf(address);
  if (family === null || rest.length > 0) return false;
  if (prefix === undefined) {
    list.addAddress(address, family);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 'ipv4' ? 32 : 128)) return false;
  list.addSubnet(address, bits, family);
  return true;
}

/**
 * The first rule (a single address or a CIDR range, IPv4 or IPv6) that the IP
 * falls under, matched by `net.BlockList`; malformed rules never match.
 */
export function matchIpRule(ip: string, rules: readonly string[]): string | undefined {
  const address = normalizeIp(ip.trim());
  const family = familyOf(address);
  if (family === null) return undefined;
  return rules.find((rule) => ipRules.get(rule)?.check(address, family) ?? false);
}

/**
 * Built once per rule and kept, as the same rules are checked on every post
 * of a site (up to 1,000 of each kind): a BlockList per IP rule, a pattern
 * per word (built per word and text, 50 of each cost a post ~5x more, even
 * with V8's own cache of compiled patterns). `null`: the rule never
 * matches. Bounded (two sites' full lists): past its size it starts again
 * rather than growing with every rule ever saved.
 */
function memo<T>(build: (rule: string) => T | null, size = 2048) {
  const built = new Map<string, T | null>();
  return {
    get(rule: string): T | null {
      let value = built.get(rule);
      if (value === undefined) {
        value = build(rule);
        if (built.size >= size) built.clear();
        built.set(rule, value);
      }
      return value;
    },
  };
}

const ipRules = memo((rule) => {
  const list = new BlockList();
  return addRule(list, rule) ? list : null;
});

/** The first rule the email matches: exact address, or `@domain` for that domain and its subdomains. */
export function matchEmailRule(email: string, rules: readonly string[]): string | undefined {
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return rules.find((raw) => {
    const rule = raw.trim().toLowerCase();
    if (!rule.startsWith('@')) return rule === address;
    const ruleDomain = rule.slice(1);
    return domain === ruleDomain || domain.endsWith(`.${ruleDomain}`);
  });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first blocked word or phrase in the text, matched case-insensitively as
 * a whole word ("ass" does not match "class"); letters of any script count as
 * word characters.
 */
export function matchWord(text: string, words: readonly string[]): string | undefined {
  return words.find((word) => wordPatterns.get(word)?.test(text) ?? false);
}

// Neither global nor sticky: test() keeps no state between texts.
const wordPatterns = memo((word) => {
  const phrase = word.trim();
  if (phrase === '') return null;
  const pattern = escapeRegExp(phrase).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'iu');
});

function authorFields(candidate: CommentCandidate): {
  name: string;
  email: string | null;
  url: string | null;
} {
  const { author } = candidate;
  return author.kind === 'guest'
    ? { name: author.name, email: author.email, url: author.website }
    : { name: author.name, email: author.email, url: author.url };
}

/**
 * The site's blocklists. A banned identity is refused (it cannot post at
 * all); a blocked word, email or IP holds or files the comment as spam, per
 * the site's `action`, naming every rule that matched.
 */
export const blocklistCheck: PureCheck = ({ candidate, settings }) => {
  const { blocklist } = settings;
  const { author } = candidate;
  if (author.kind === 'identity' && blocklist.identities.includes(author.identityId)) {
    return objection('reject', 'blocklist', { code: 'blocklist.banned', params: {} });
  }

  const { name, email, url } = authorFields(candidate);
  const matches: VerdictDetail[] = [];
  const places: ['comment' | 'name' | 'website', string | null][] = [
    ['comment', candidate.body],
    ['name', name],
    ['website', url],
  ];
  for (const [place, text] of places) {
    const word = text === null ? undefined : matchWord(text, blocklist.words);
    if (word !== undefined) matches.push({ code: 'blocklist.word', params: { word, place } });
  }
  const emailRule = email === null ? undefined : matchEmailRule(email, blocklist.emails);
  if (emailRule !== undefined)
    matches.push({ code: 'blocklist.email', params: { rule: emailRule } });
  const ipRule = candidate.ip === null ? undefined : matchIpRule(candidate.ip, blocklist.ips);
  if (ipRule !== undefined && candidate.ip !== null) {
    matches.push({ code: 'blocklist.ip', params: { ip: candidate.ip, rule: ipRule } });
  }

  const [first, ...rest] = matches;
  if (!first) return approve('blocklist', 'nothing blocked');
  return objection(blocklist.action, 'blocklist', first, ...rest);
};
