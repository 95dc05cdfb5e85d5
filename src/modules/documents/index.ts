// Official documents (văn thư, issue 13): incoming and outgoing documents of every agency, numbering, assignment with
// working-day deadlines, registers, digital signatures, work files and the exchange between agencies (edXML).
// Other modules call what is exported here, never the tables.
import type { Module } from '../../platform/module.ts';
import { seedDemoDocuments } from './seed.ts';

export const documentsModule: Module = {
  name: 'documents',
  seedDemo: (platform) => seedDemoDocuments(platform),
};

export { DOCUMENT_TYPES, URGENCIES, SECRECY, documentType } from './types.ts';
export { seedDocuments, type DocumentSeedOptions, type DocumentSeedReport } from './generate.ts';
