import type { ImportRefusal } from '../../contract/imports.ts';

/**
 * Why a comment was not imported, in English, for the CLI (a terminal tool);
 * the dashboard words the same codes from its catalogue.
 */
export function englishRefusal(refusal: ImportRefusal): string {
  switch (refusal.code) {
    case 'noId':
      return 'it has no id in the file';
    case 'noPage':
      return refusal.params.thread
        ? `its thread ${refusal.params.thread} has no link`
        : 'its post has no link';
    case 'unknownStatus':
      return `unknown status "${refusal.params.status}"`;
    case 'noDate':
      return 'no readable date';
    case 'notAComment':
      return 'not a Parley comment';
    case 'unknownPage':
      return `unknown page "${refusal.params.page}"`;
    case 'emptyText':
      return 'its text is empty';
    case 'badPageUrl':
      return `its page address "${refusal.params.url}" is not a URL`;
  }
}
