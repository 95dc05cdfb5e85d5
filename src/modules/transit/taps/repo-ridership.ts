// The ridership dashboard's queries over the priced trips and their taps (migrations/0048_transit_taps.sql): counted
// in the database, one statement per figure, whatever the number of trips.
import { type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';

export const ridershipRepo = {
  async figures(db: Kysely<PlatformTables>, from: string, to: string, topStops: number) {
    const totals = (
      await sql<{ trips: string; paid: string; revenue: string | null; riders: string }>`
        select count(*) as trips, count(*) filter (where amount > 0) as paid, sum(amount) as revenue, count(distinct account_id) as riders
        from transit_trips where service_day between ${from}::date and ${to}::date`.execute(db)
    ).rows[0];
    const days = (await sql<{ n: string }>`select count(*) as n from transit_day_runs where service_day between ${from}::date and ${to}::date`.execute(db)).rows[0];
    const routes = (
      await sql<{ route: string; trips: string; free: string; revenue: string }>`
        select coalesce(route_id, network_id) as route, count(*) as trips, count(*) filter (where amount = 0) as free, sum(amount) as revenue
        from transit_trips where service_day between ${from}::date and ${to}::date
        group by coalesce(route_id, network_id) order by count(*) desc, coalesce(route_id, network_id)`.execute(db)
    ).rows;
    // The hour of the trip's first tap, Vietnam time (UTC+7, no daylight saving), whatever the session's time zone.
    const hours = (
      await sql<{ hour: number; trips: string }>`
        select ((extract(epoch from p.tapped_at)::bigint + 25200) / 3600 % 24)::int as hour, count(*) as trips
        from transit_trips t join transit_taps p on p.tap_id = t.tap_ids[1]
        where t.service_day between ${from}::date and ${to}::date group by 1`.execute(db)
    ).rows;
    // A boarding: a trip's first tap when it is a tap-on (a missing tap-on starts with the tap-off).
    const stops = (
      await sql<{ stop: string; boardings: string }>`
        select p.stop_id as stop, count(*) as boardings
        from transit_trips t join transit_taps p on p.tap_id = t.tap_ids[1] and p.direction = 'on'
        where t.service_day between ${from}::date and ${to}::date
        group by p.stop_id order by count(*) desc, p.stop_id limit ${topStops}`.execute(db)
    ).rows;
    const freeRules = (
      await sql<{ rule: string; trips: string }>`
        select rule_id as rule, count(*) as trips from transit_trips
        where service_day between ${from}::date and ${to}::date and amount = 0 group by rule_id`.execute(db)
    ).rows;
    return { totals, days, routes, hours, stops, freeRules };
  },
};
