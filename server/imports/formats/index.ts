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
