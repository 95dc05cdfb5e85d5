// The grade-1 opening's data for bench/admission.ts, over any client with `query(text)` (pg.Client or PGlite): on top of
// the demo seed (Hà Nội's 126 units, ~700 schools, catchments, the three rounds), `children` children spread over the
// units, each with an enrolment code issued by their in-catchment school. Multi-row inserts of 5,000 rows (values are
// digits and ASCII only, written as literals: the same SQL runs on both databases).
export interface Query {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface BenchChild {
  code: string;
  personalId: string;
  /** An in-catchment school: always allowed. */
  schoolCode: string;
}

const CHUNK = 5000;
export const personalIdOf = (i: number): string => `0012${String(i).padStart(8, '0')}`;
export const codeOf = (i: number): string => `BN${String(i).padStart(8, '0')}`;

export async function generateOpening(q: Query, n: number): Promise<{ roundId: number; kinderRoundId: number; children: BenchChild[]; units: number; schools: number }> {
  const round = (await q.query(`select id, school_year from admission_rounds where level = 'grade1'`)).rows[0];
  const kinder = (await q.query(`select id from admission_rounds where level = 'kindergarten'`)).rows[0];
  if (!round || !kinder) throw new Error('no demo rounds: start the server with EGOV_DEMO=on first');
  const roundId = Number(round.id);
  const pairs = (
    await q.query(
      `select c.unit_code, s.id, s.code from admission_catchments c join admission_schools s on s.id = c.school_id
       where c.school_year = '${String(round.school_year)}' and s.level = 'grade1' and c.area = '' order by c.unit_code, s.code`,
    )
  ).rows;
  const byUnit = new Map<string, { id: number; code: string }>();
  for (const p of pairs) if (!byUnit.has(String(p.unit_code))) byUnit.set(String(p.unit_code), { id: Number(p.id), code: String(p.code) });
  const units = [...byUnit.keys()];
  if (units.length === 0) throw new Error('no catchments in the demo data');
  const schools = Number((await q.query(`select count(*)::int as n from admission_schools where level = 'grade1'`)).rows[0]?.n);
  const children: BenchChild[] = [];
  for (let from = 1; from <= n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK - 1);
    const rows: string[] = [];
    const codes: string[] = [];
    for (let i = from; i <= to; i++) {
      const unit = units[i % units.length] as string;
      const school = byUnit.get(unit) as { id: number; code: string };
      const month = String((i % 12) + 1).padStart(2, '0');
      rows.push(`('${personalIdOf(i)}', 'Tre thu ${i}', '2020-${month}-15', '${unit}')`);
      codes.push(`('${codeOf(i)}', '${personalIdOf(i)}', ${school.id})`);
      children.push({ code: codeOf(i), personalId: personalIdOf(i), schoolCode: school.code });
    }
    await q.query(`insert into admission_children (personal_id, full_name, birth_date, residence_unit) values ${rows.join(',')}`);
    await q.query(
      `insert into admission_enrolment_codes (code, round_id, child_id, school_id)
       select v.code, ${roundId}, c.id, v.school_id from (values ${codes.join(',')}) as v(code, personal_id, school_id)
       join admission_children c on c.personal_id = v.personal_id`,
    );
  }
  return { roundId, kinderRoundId: Number(kinder.id), children, units: units.length, schools };
}

/** Opens the grade-1 round at `at` (and keeps it open an hour). */
export async function openAt(q: Query, roundId: number, at: Date): Promise<void> {
  await q.query(`update admission_rounds set opens_at = '${at.toISOString()}', closes_at = '${new Date(at.getTime() + 3_600_000).toISOString()}' where id = ${roundId}`);
}

/**
 * The statements one application runs, for pgbench: the look-up of code, child, round and key, then the insert and
 * its audit row in one transaction (one application per transaction: the ceiling without group commit). Rows go to
 * another round (the closed kindergarten one) so they meet none of the benchmark's own.
 */
export function pgbenchScript(n: number, kinderRoundId: number): string {
  return `\\set i random(1, ${n})
select e.school_id, c.id, c.personal_id, c.full_name, c.birth_date, c.residence_unit, c.residence_area, c.finished_grade5, r.id, r.school_year, y.start_year, r.level, r.name, r.name_en, r.opens_at, r.closes_at, a.id
  from admission_enrolment_codes e join admission_children c on c.id = e.child_id join admission_rounds r on r.id = e.round_id
  join admission_school_years y on y.code = r.school_year left join admission_applications a on a.idempotency_key = 'pgb-' || :client_id || '-' || :i
  where e.code = 'BN' || lpad(:i::text, 8, '0');
begin;
insert into admission_applications (application_no, round_id, child_id, school_id, ward_code, status, in_catchment, priority_group, idempotency_key, email, created_at, updated_at)
  select 'MN-26-' || lpad(nextval('admission_application_seq')::text, 7, '0'), ${kinderRoundId}, e.child_id, e.school_id, '00070', 'active', true, 1, 'pgb-' || :client_id || '-' || :i || '-' || random(), null, now(), now()
  from admission_enrolment_codes e where e.code = 'BN' || lpad(:i::text, 8, '0')
  on conflict do nothing returning id, application_no;
insert into audit_log (actor_id, actor_label, action, entity, entity_id, agency_id, ip, data) values (null, 'parent', 'admissions.apply', 'admission_application', 'pgb', null, '127.0.0.1', '{"round":1}');
commit;
`;
}
