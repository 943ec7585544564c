export interface Post {
  slug: string;
  title: string;
  date: string;
  paragraphs: string[];
}

export const posts: Post[] = [
  {
    slug: 'hello-parley',
    title: 'Hello, Parley',
    date: '2026-11-02',
    paragraphs: [
      'This is a demo blog on its own origin. The comment thread below is Parley, embedded with one script tag exactly as the README tells a site owner to.',
      'Leave a comment as a guest, reply to someone, reload: the thread is stored in a SQLite file under ./data/.',
    ],
  },
  {
    slug: 'why-comments-in-an-iframe',
    title: 'Why comments live in an iframe',
    date: '2026-11-09',
    paragraphs: [
      'The widget runs inside an iframe served by the Parley server, so this page’s styles cannot leak into it and nothing the reader types ever touches the host page.',
      'This blog’s stylesheet is deliberately loud. The comments should look the same anyway.',
    ],
  },
  {
    slug: 'markdown-in-comments',
    title: 'A little Markdown goes a long way',
    date: '2026-11-16',
    paragraphs: [
      'Comments take plain text with paragraphs, links, *emphasis*, **strong**, `code`, code blocks and > quotes. Raw HTML is shown as text, never run.',
    ],
  },
];
