// Readers' comments on the portal's articles (issue 12 "Comments"): the form of the old portal with a proof of work,
// pre-moderation by default (per site), reports that hide a comment at the site's threshold, a moderators' queue per
// site with logged decisions, blocks and rate limits. Built on the sites module's index only: its published articles,
// a section under every article (the approved comments, no form: the article page stays a kept page) and its page
// cache, dropped after every change readers must see.
import type { Module } from '../../platform/module.ts';
import { addArticleSection } from '../sites/index.ts';
import { seedCommentsDemo } from './demo.ts';
import { commentsModerationRoutes } from './routes-moderation.ts';
import { commentsPublicRoutes } from './routes-public.ts';
import { ARTICLE_SHOWS, publishedComments } from './service.ts';
import { CommentsSection } from './views/public.tsx';

export const commentsModule: Module = {
  name: 'comments',
  routes: async (app, platform) => {
    addArticleSection(platform, async ({ req, site, article }) => {
      const { comments, total } = await publishedComments(platform, article, ARTICLE_SHOWS);
      return CommentsSection({ lang: req.lang, site, article, comments, total });
    });
    await commentsPublicRoutes(app, platform);
    await commentsModerationRoutes(app, platform);
  },
  seedDemo: (platform) => seedCommentsDemo(platform),
};

export { CommentErrors } from './errors.ts';
