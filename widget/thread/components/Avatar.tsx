import { useState } from 'react';
import type { CommentAuthor } from '../../../contract/api.ts';

/** Up to two letters: first and last word of the name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => Array.from(word ?? '')[0] ?? '';
  const letters = first(words[0]) + (words.length > 1 ? first(words[words.length - 1]) : '');
  return letters.toUpperCase() || '?';
}

/** A stable hue per name, so one author keeps one colour. */
function hue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) | 0;
  return Math.abs(hash) % 360;
}

/**
 * The author's picture over their initials in a coloured circle. The
 * initials are always there underneath, so while the image loads, and after
 * it fails (offline, blocked, gone), the reader sees them, never a broken
 * image.
 */
export function Avatar({ author }: { author: CommentAuthor }) {
  const [failed, setFailed] = useState(!author.avatarUrl);
  return (
    <span
      className="avatar"
      data-testid="avatar"
      style={{ backgroundColor: `hsl(${hue(author.name)} 45% 30%)` }}
    >
      <span aria-hidden="true">{initials(author.name)}</span>
      {!failed && (
        <img
          src={author.avatarUrl}
          alt=""
          width={40}
          height={40}
          loading="lazy"
          decoding="async"
          onError={() => setFailed(true)}
        />
      )}
    </span>
  );
}
