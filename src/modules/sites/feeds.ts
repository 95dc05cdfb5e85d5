// RSS 2.0, Atom 1.0 (RFC 4287) and sitemap.xml (sitemaps.org 0.9), written here: each is a few elements, and every
// text goes through one XML escape. Links are absolute, on EGOV_BASE_URL.
import { richTextToPlain, excerpt } from '../../platform/text/rich-text.ts';
import type { Article, Site } from './repo.ts';

/** Escapes text for XML content and attributes; drops the characters XML 1.0 cannot hold (C0 controls but tab/LF/CR). */
export function xml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const articlePath = (site: Pick<Site, 'slug'>, a: Pick<Article, 'slug'>): string => `/trang/${site.slug}/tin/${a.slug}`;

export interface Feed {
  base: string;
  site: Site;
  /** Title of the feed (the site's name, or site · category). */
  title: string;
  /** The page the feed follows, e.g. /trang/phuong-hoan-kiem. */
  path: string;
  /** The feed's own address. */
  selfPath: string;
  articles: readonly Article[];
  updated: Date;
}

const description = (a: Article): string => a.summary || excerpt(a.body_html, 300);

export function rss(f: Feed): string {
  const items = f.articles.map((a) => {
    const link = f.base + articlePath(f.site, a);
    return [
      '<item>',
      `<title>${xml(a.title)}</title>`,
      `<link>${xml(link)}</link>`,
      `<guid isPermaLink="true">${xml(link)}</guid>`,
      `<pubDate>${(a.publish_at ?? a.updated_at).toUTCString()}</pubDate>`,
      `<description>${xml(description(a))}</description>`,
      ...a.tags.map((t) => `<category>${xml(t)}</category>`),
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    `<title>${xml(f.title)}</title>`,
    `<link>${xml(f.base + f.path)}</link>`,
    `<atom:link href="${xml(f.base + f.selfPath)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xml(f.title)}</description>`,
    '<language>vi</language>',
    `<lastBuildDate>${f.updated.toUTCString()}</lastBuildDate>`,
    ...items,
    '</channel></rss>',
    '',
  ].join('\n');
}

export function atom(f: Feed): string {
  const entries = f.articles.map((a) => {
    const link = f.base + articlePath(f.site, a);
    return [
      '<entry>',
      `<title>${xml(a.title)}</title>`,
      `<link href="${xml(link)}"/>`,
      `<id>${xml(link)}</id>`,
      `<published>${(a.publish_at ?? a.updated_at).toISOString()}</published>`,
      `<updated>${a.updated_at.toISOString()}</updated>`,
      `<summary>${xml(description(a))}</summary>`,
      ...a.tags.map((t) => `<category term="${xml(t)}"/>`),
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `<title>${xml(f.title)}</title>`,
    `<link href="${xml(f.base + f.path)}"/>`,
    `<link rel="self" href="${xml(f.base + f.selfPath)}"/>`,
    `<id>${xml(f.base + f.path)}</id>`,
    `<updated>${f.updated.toISOString()}</updated>`,
    `<author><name>${xml(f.site.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function sitemap(base: string, urls: readonly { path: string; lastmod?: Date }[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${xml(base + u.path)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** The plain text of an article for its Open Graph description. */
export const ogDescription = (a: Article): string => (a.summary || richTextToPlain(a.body_html)).slice(0, 300);
