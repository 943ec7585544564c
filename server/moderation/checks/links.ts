import { approve, type PureCheck } from '../moderation.types.ts';

// [text](url) and ![alt](url): the URL inside is counted once, as this link.
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\(\s*<?[^)\s>]+>?(?:\s+"[^"\n]*")?\s*\)/g;
// Reference definitions: [label]: https://…
const MARKDOWN_REFERENCE = /^\s{0,3}\[[^\]\n]+\]:\s*\S+/gm;
// Bare http(s) URLs (autolinks <…> included) and www. hosts without a scheme.
const BARE_URL =
  /\bhttps?:\/\/[^\s<>()]+|(?<![\w./@-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>()]*/gi;

/** How many links a comment carries: markdown links, reference definitions, http(s) URLs and www. hosts. */
export function countLinks(body: string): number {
  let count = 0;
  const rest = body
    .replace(MARKDOWN_LINK, () => {
      count += 1;
      return ' ';
    })
    .replace(MARKDOWN_REFERENCE, () => {
      count += 1;
      return ' ';
    });
  return count + (rest.match(BARE_URL)?.length ?? 0);
}

/** Link-heavy comments are how link spam looks: held at the site's limit (0 turns it off). */
export const linksCheck: PureCheck = ({ candidate, settings }) => {
  const links = countLinks(candidate.body);
  if (settings.linkLimit > 0 && links >= settings.linkLimit) {
    return {
      decision: 'hold',
      check: 'links',
      reason: `${links} links (this site holds comments with ${settings.linkLimit} or more)`,
    };
  }
  return approve('links', `${links} ${links === 1 ? 'link' : 'links'}`);
};
