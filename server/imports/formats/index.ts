/** Which reader reads which format (`import <format>`). */
import type { FormatReader, ImportFormat } from '../import.types.ts';
import { readDisqus } from './disqus.ts';
import { readIsso } from './isso.ts';
import { readParleyJson } from './parley-json.ts';
import { readRemark42 } from './remark42.ts';
import { readWxr } from './wxr.ts';

export const READERS: Readonly<Record<ImportFormat, FormatReader>> = {
  wxr: readWxr,
  disqus: readDisqus,
  parley: readParleyJson,
  remark42: readRemark42,
  isso: readIsso,
};

/** What each format is, for `--help` and the dashboard. */
export const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  wxr: 'WordPress export (WXR, .xml)',
  disqus: 'Disqus XML export',
  parley: "Parley's own JSON export",
  remark42: 'Remark42 backup (.gz or plain)',
  isso: 'Isso SQLite database',
};
