// What the officers' routes share: the sign-in redirect and the dossier page's path.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** People who are not signed in go to the sign-in page and come back here afterwards. */
export function signInFirst(req: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (req.user) return null;
  return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
}

export const casePath = (code: string): string => `/mot-cua/ho-so/${encodeURIComponent(code)}`;
