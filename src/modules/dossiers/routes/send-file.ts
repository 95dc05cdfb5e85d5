// One stored attachment to the browser, for the applicant's pages and the officers' alike: the access check is the
// caller's (openDossierFile, openOfficerFile); this only parses the id and sends the bytes privately,
// always as a download named after the type found in its bytes, never sniffed by the browser.
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { contentDisposition, nameForType } from '../../../platform/files/index.ts';
import type { DossierFile } from '../schema.ts';

/** A numeric id from the path (a file, a feedback message), or NaN, which the services answer with "not found". */
export function idParam(raw: string): number {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
}

export function sendDossierFile(reply: FastifyReply, { file, stream }: { file: DossierFile; stream: Readable }): FastifyReply {
  return reply
    .type(file.mime)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition(nameForType(file.originalName, file.mime)))
    .header('x-content-type-options', 'nosniff')
    .header('content-length', String(file.size))
    .send(stream);
}
