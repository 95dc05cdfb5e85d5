// The papers the officers print: a dossier's Forms 01–05 (/mot-cua/ho-so/:code/mau-0N.pdf) and the agency's tracking
// book, Form 06 (/mot-cua/so-theo-doi?from=&to=&format=pdf|xlsx).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/http/context.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import { contentDisposition } from '../../../platform/files/index.ts';
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import { form06Xlsx, renderForm06 } from '../forms/index.ts';
import { BOOK_MAX_ROWS, bookCount, periodErrors, trackingBook } from './book.ts';
import { isPaper, renderPaper } from './papers.ts';
import { signInFirst } from './http.ts';
import { BookPage } from './views/book-page.tsx';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function paperRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/mot-cua/ho-so/:code/:paper', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const p = req.params as { code: string; paper: string };
    const n = /^mau-(\d{2})\.pdf$/.exec(p.paper)?.[1] ?? '';
    if (!isPaper(n)) throw HttpErrors.NOT_FOUND();
    const pdf = await renderPaper(platform, req.user, p.code, n);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition(`mau-${n}-${p.code}.pdf`, 'inline'))
      .send(pdf);
  });

  app.get('/mot-cua/so-theo-doi', async (req, reply) => {
    const first = signInFirst(req, reply);
    if (first) return first;
    const q = req.query as Record<string, unknown>;
    const today = vietnamDateOf(new Date());
    const from = str(q.from) || `${today.slice(0, 8)}01`;
    const to = str(q.to) || today;
    const format = str(q.format);
    const errors = periodErrors(from, to);
    if (format !== 'pdf' && format !== 'xlsx') {
      const count = errors.length === 0 ? await bookCount(platform, req.user, from, to) : undefined;
      return reply.status(errors.length ? 400 : 200).html(BookPage({ req, from, to, format: 'pdf', count, errors }));
    }
    if (errors.length > 0) return reply.status(400).html(BookPage({ req, from, to, format, errors }));
    // A period past the book's limit: say so first, and give the first BOOK_MAX_ROWS only when asked.
    if (str(q['gioi-han']) !== '1') {
      const count = await bookCount(platform, req.user, from, to);
      if (count > BOOK_MAX_ROWS) {
        const cutHref = `/mot-cua/so-theo-doi?${new URLSearchParams({ from, to, format, 'gioi-han': '1' }).toString()}`;
        return reply.html(BookPage({ req, from, to, format, count, cutHref }));
      }
    }
    const book = await trackingBook(platform, req.user, from, to);
    const name = `so-theo-doi-${book.meta.agency.code}-${from}-${to}.${format}`;
    const body = format === 'pdf' ? await renderForm06(book.rows, book.meta) : await form06Xlsx(book.rows, book.meta);
    return reply
      .type(format === 'pdf' ? 'application/pdf' : XLSX)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition(name, format === 'pdf' ? 'inline' : 'attachment'))
      .header('x-book-rows', `${book.rows.length}/${book.total}`)
      .send(body);
  });
}
