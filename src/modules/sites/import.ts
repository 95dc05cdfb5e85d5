// Importing the former portal's articles (issue 12 "Importing old articles"): each file, HTML or text in Unicode,
// TCVN3 or VNI, read and converted to Unicode NFC by platform/text/html-import.ts, becomes a DRAFT on the chosen site
// (an editor reviews and publishes it through the workflow), with a revision noting its source and an audit row.
// Text already damaged before the import ("L?y l?i m� b?o m?t") is not silently accepted: the file's warnings are
// reported, and with `strict` such a file is not imported at all.
import { recordAudit } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { importLegacyHtml } from '../../platform/text/html-import.ts';
import { richTextToPlain } from '../../platform/text/rich-text.ts';
import { slugify } from '../../platform/text/slug.ts';
import { sitesDb, sitesRepo, type ArticleKind } from './repo.ts';
import { getSite } from './service.ts';

export interface ImportFile {
  name: string;
  bytes: Buffer;
}

export interface ImportOutcome {
  name: string;
  /** The draft's id, or undefined when the file was not imported. */
  id?: number;
  title: string;
  encoding: string;
  fontEncoding: string;
  warnings: string[];
  /** Why the file was not imported. */
  refused?: string;
}

const ACTOR = { id: null, label: 'import' } as const;

export async function importArticles(platform: Platform, siteSlug: string, files: readonly ImportFile[], opts: { kind: ArticleKind; strict: boolean }): Promise<ImportOutcome[]> {
  const site = await getSite(platform, siteSlug);
  const out: ImportOutcome[] = [];
  for (const f of files) {
    const doc = importLegacyHtml(f.bytes);
    const base = { name: f.name, title: doc.title, encoding: doc.encoding, fontEncoding: doc.fontEncoding, warnings: doc.warnings };
    const title = (doc.title || f.name.replace(/\.[a-z0-9]+$/i, '')).slice(0, 300);
    const damaged = doc.warnings.some((w) => /damaged|hỏng/i.test(w));
    if (doc.html === '') out.push({ ...base, refused: 'no text left after cleaning' });
    else if (opts.strict && damaged) out.push({ ...base, refused: 'damaged text (strict)' });
    else {
      const id = await platform.database.db.transaction().execute(async (trx) => {
        const db = sitesDb(trx);
        let slug = slugify(title).slice(0, 100).replace(/-+$/, '') || 'bai-viet';
        for (let n = 2; await sitesRepo.slugUsed(db, site.id, slug); n++) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
        const a = await sitesRepo.insertArticle(db, {
          kind: opts.kind,
          slug,
          title,
          summary: '',
          body_html: doc.html,
          body_text: richTextToPlain(doc.html),
          category_id: null,
          tags: [],
          featured: false,
          document_no: null,
          document_date: null,
          signer: null,
          site_id: site.id,
          status: 'draft',
          created_by: null,
        });
        await sitesRepo.insertRevision(db, { article_id: a.id, version: 1, title: a.title, summary: '', body_html: a.body_html, status: 'draft', actor_id: null, actor_label: ACTOR.label, note: `imported from ${f.name}` });
        await recordAudit(trx, { actor: ACTOR, action: 'article.import', entity: 'article', entityId: a.id, agencyId: site.agency_id, data: { site: site.slug, file: f.name, encoding: doc.encoding, fontEncoding: doc.fontEncoding, warnings: doc.warnings } });
        return a.id;
      });
      out.push({ ...base, title, id });
    }
  }
  return out;
}
