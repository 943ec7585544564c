import { approve, objection, type PureCheck } from '../moderation.types.ts';

// [text](url) and ![alt](url): the URL inside is counted once, as this link.
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/g;
// Reference definitions: [label]: https://…
const MARKDOWN_REFERENCE = /^\s{0,3}\[[^\]\n]+\]:\s*(\S+)/gm;
// Bare http(s) URLs (autolinks <…> included) and www. hosts without a scheme.
const BARE_URL =
  /\bhttps?:\/\/[^\s<>()]+|(?<![\w./@-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>()]*/gi;

/** The targets of every link a comment carries: markdown links, reference definitions, http(s) URLs and www. hosts. */
export function linkTargets(body: string): string[] {
  const targets: string[] = [];
  const rest = body
    .replace(MARKDOWN_LINK, (_match, url: string) => {
      targets.push(url);
      return ' ';
    })
    .replace(MARKDOWN_REFERENCE, (_match, url: string) => {
      targets.push(url);
      return ' ';
    });
  return [...targets, ...(rest.match(BARE_URL) ?? [])];
}

/** How many links a comment carries (see linkTargets). */
export function countLinks(body: string): number {
  return linkTargets(body).length;
}

/** Links in an edit that the text before it did not have (a changed target counts as new). */
export function addedLinks(previousBody: string, body: string): string[] {
  const before = new Set(linkTargets(previousBody));
  return linkTargets(body).filter((url) => !before.has(url));
}

/**
 * Link-heavy comments are how link spam looks: held at the site's limit (0
 * turns it off). On a site that reviews comments, an edit that adds a link is
 * held too, whatever the limit: otherwise a comment approved for what it said
 * could be rewritten into an ad a moderator never saw.
 */
export const linksCheck: PureCheck = ({ candidate, settings }) => {
  const links = countLinks(candidate.body);
  if (candidate.edit && settings.mode !== 'none') {
    const added = addedLinks(candidate.edit.previousBody, candidate.body).length;
    if (added > 0) {
      return objection('hold', 'links', { code: 'links.editAdded', params: { count: added } });
    }
  }
  if (settings.linkLimit > 0 && links >= settings.linkLimit) {
    return objection('hold', 'links', {
      code: 'links.tooMany',
      params: { count: links, limit: settings.linkLimit },
    });
  }
  return approve('links', `${links} ${links === 1 ? 'link' : 'links'}`);
};
