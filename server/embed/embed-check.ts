/**
 * What the loader asks when its frame can't show a thread (the frame never
 * said `ready`, or said it has no thread): why, in words for the site owner
 * and the command that fixes it. A page whose origin is not registered gets
 * its frame blocked by `frame-ancestors` with only a console line about CSP;
 * this says what is wrong instead of leaving a blank box (issue 11 §7).
 *
 * Reveals nothing the thread page does not: whether a site id exists (the
 * frame of an unknown site says so) and its origins (the frame's CSP lists
 * them).
 */
import type { EmbedCheck } from '../../contract/api.ts';
import { SiteId } from '../../contract/site-settings.schema.ts';
import type { Site } from '../sites/site.schema.ts';

const CLI = 'npm run parley --';

/** The loader's answer for `siteId` embedded on a page of `origin`. */
export function checkEmbed(siteId: string, origin: string, site: Site | undefined): EmbedCheck {
  const quoted = JSON.stringify(siteId);
  if (!site) {
    const id = SiteId.safeParse(siteId).success ? siteId : 'my-site';
    return {
      ok: false,
      notice: 'Comments are not set up for this site yet.',
      console: `Parley: there is no site ${quoted} on this Parley server, so no comments can show on ${origin}. Check data-site on the script tag, or register the site: ${CLI} sites add ${id} --origin ${origin} --name "My site"`,
    };
  }
  if (!site.origins.includes(origin)) {
    const origins = [...site.origins, origin].map((o) => `--origin ${o}`).join(' ');
    return {
      ok: false,
      notice: 'Comments can’t be shown on this page’s address.',
      console: `Parley: site ${quoted} does not allow pages on ${origin} (its origins: ${site.origins.join(', ')}). Add this origin, keeping the others: ${CLI} sites add ${site.id} ${origins}`,
    };
  }
  return { ok: true };
}
