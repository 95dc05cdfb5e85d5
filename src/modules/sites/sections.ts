// Sections other modules add under an article (the comments module: the readers' published comments and a link to
// write one), without this module knowing them. The article page is a kept public page (platform/web/public-pages.ts):
// a section must carry no form, or the page would never be kept. Not shown on the print view.
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import type { Article, Site } from './repo.ts';

export interface ArticleSectionContext {
  req: FastifyRequest;
  site: Site;
  article: Article;
}
export type ArticleSection = (ctx: ArticleSectionContext) => JSX.Element;

const sections = new WeakMap<Platform, ArticleSection[]>();

/** Adds a section under every article of every site (called once, when a module's routes are registered). */
export function addArticleSection(platform: Platform, section: ArticleSection): void {
  const list = sections.get(platform) ?? [];
  list.push(section);
  sections.set(platform, list);
}

/** The sections' HTML, in the order they were added (each escapes what it shows). */
export async function renderArticleSections(platform: Platform, ctx: ArticleSectionContext): Promise<string> {
  const out: string[] = [];
  for (const s of sections.get(platform) ?? []) out.push(await s(ctx));
  return out.join('');
}
