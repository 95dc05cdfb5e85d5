// Pages and API answers that carry personal data are never stored by a browser or a shared cache (Decree 13/2023/
// NĐ-CP Art. 26: measures that keep personal data from being disclosed; a shared computer at a commune's counter or a
// proxy must not keep a citizen's dossier). One hook sets `Cache-Control: private, no-store` on every answer whose
// path is under one of these prefixes, errors included, whatever the route set itself.
import type { FastifyInstance } from 'fastify';

/** Where personal data is shown: a prefix matches itself and anything under it (`/ho-so` also `/ho-so-cua-toi`). */
export const PERSONAL_PREFIXES: readonly string[] = [
  '/tai-khoan', // the account, its contacts, my data
  '/ho-so', // receipts, Form 01, a dossier's files; /ho-so-cua-toi, the citizen's dossiers
  '/mot-cua', // the officers' inbox, dossiers, papers, tracking book, counter intake
  '/quan-tri', // administration: accounts, roles, audit
  '/dich-vu-cong/', // the submission form, prefilled with the citizen's details (the catalogue itself is /thu-tuc)
  '/api/v1/dossiers', // submit, read, act on a dossier
  '/api/v1/me', // the signed-in account
  '/api/v1/auth', // tokens
];

export function isPersonalPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return PERSONAL_PREFIXES.some((p) => path.startsWith(p));
}

export function registerNoStore(app: FastifyInstance): void {
  // Callback-style (not async): it runs on every response, and an async hook costs a promise each time.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (isPersonalPath(req.url)) {
      reply.header('cache-control', 'private, no-store');
      reply.header('pragma', 'no-cache');
    }
    done(null, payload);
  });
}
