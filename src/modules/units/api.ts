// JSON API of administrative units and agencies (tag 'units'): thin handlers over the service.
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/http/context.ts';
import { agencySchema, historySchema, listAgenciesSchema, listUnitsSchema, unitSchema } from './api-schemas.ts';
import { UnitErrors } from './errors.ts';
import { findUnit, getAgency, getUnitDetail, listAgencies, listUnits, MAX_QUERY, resolveOldUnit } from './service.ts';
import { AGENCY_KINDS, UNIT_TYPES, isUnitTypeName, isUnitTypeSlug, type AgencyKind, type Unit, type UnitSummary, type UnitTypeSlug } from './schema.ts';

type Query = Record<string, unknown>;
const JSON_TYPE = 'application/json; charset=utf-8';

/** A query parameter as one string (the first, if repeated). */
export function param(q: Query, key: string): string | undefined {
  const v = q[key];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
}

function slugOf(typeName: string): UnitTypeSlug {
  return isUnitTypeName(typeName) ? UNIT_TYPES[typeName] : 'xa';
}

function summaryJson(u: UnitSummary): UnitSummary {
  return { ...u, type: slugOf(u.type) };
}

function unitJson(u: Unit): Unit & { typeName: string } {
  return { ...u, type: slugOf(u.type), typeName: u.type };
}

function typeParam(q: Query): UnitTypeSlug | undefined {
  const type = param(q, 'type');
  if (type !== undefined && !isUnitTypeSlug(type)) throw UnitErrors.UNIT_TYPE_UNKNOWN();
  return type;
}

function kindParam(q: Query): AgencyKind | undefined {
  const kind = param(q, 'kind');
  if (kind !== undefined && !(AGENCY_KINDS as readonly string[]).includes(kind)) throw UnitErrors.AGENCY_KIND_UNKNOWN();
  return kind as AgencyKind | undefined;
}

// Schemas document the API; failures are attached rather than answered so that every bad parameter gets
// the module's own message (the service checks what the schemas say).
export async function unitsApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.database.db;

  // A list without a search is the service's cached array: its JSON is kept beside it (by the array's identity, so
  // it goes when the service's cache renews the list) and sent as it is, instead of serialising 126 units each time.
  const kept = new WeakMap<UnitSummary[], Map<string, string>>();
  app.get('/api/v1/units', { schema: listUnitsSchema, attachValidation: true, config: { scope: 'public' } }, async (req, reply) => {
    const q = req.query as Query;
    const parentCode = param(q, 'parent');
    const search = param(q, 'q');
    const items = await listUnits(db, { parent: parentCode, type: typeParam(q), q: search });
    const text = search === undefined ? kept.get(items)?.get(parentCode ?? '') : undefined;
    if (text !== undefined) return reply.type(JSON_TYPE).send(text);
    let parent: UnitSummary | null = null;
    if (parentCode !== undefined) {
      // Provinces come from the cached list: under load, a cached answer costs no query at all.
      const unit = (await listUnits(db)).find((u) => u.code === parentCode) ?? (await findUnit(db, parentCode));
      if (!unit) throw UnitErrors.UNIT_NOT_FOUND({ details: { code: parentCode } });
      parent = summaryJson({ code: unit.code, type: unit.type, name: unit.name, fullName: unit.fullName, fullNameEn: unit.fullNameEn });
    }
    const answer = { parent, total: items.length, items: items.map(summaryJson) };
    if (search !== undefined) return answer;
    const serialised = String(reply.serialize(answer));
    let perParent = kept.get(items);
    if (!perParent) kept.set(items, (perParent = new Map()));
    perParent.set(parentCode ?? '', serialised);
    return reply.type(JSON_TYPE).send(serialised);
  });

  app.get('/api/v1/units/history', { schema: historySchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const old = param(req.query as Query, 'old');
    if (old === undefined) throw UnitErrors.OLD_QUERY_REQUIRED();
    if (old.length > MAX_QUERY) throw UnitErrors.QUERY_TOO_LONG();
    const found = await resolveOldUnit(db, old);
    return { query: old, items: found.map((f) => ({ ...f, successors: f.successors.map((s) => ({ ...s, type: slugOf(s.type) })) })) };
  });

  app.get('/api/v1/units/:code', { schema: unitSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const { code } = req.params as { code: string };
    const d = await getUnitDetail(db, code);
    return {
      unit: unitJson(d.unit),
      parent: d.parent ? summaryJson(d.parent) : null,
      formerUnits: d.formerUnits,
      agencies: d.agencies,
    };
  });

  app.get('/api/v1/agencies', { schema: listAgenciesSchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const q = req.query as Query;
    const items = await listAgencies(db, { unit: param(q, 'unit'), kind: kindParam(q), q: param(q, 'q') });
    return { total: items.length, items };
  });

  app.get('/api/v1/agencies/:code', { schema: agencySchema, attachValidation: true, config: { scope: 'public' } }, async (req) => {
    const { code } = req.params as { code: string };
    return getAgency(db, code);
  });
}
