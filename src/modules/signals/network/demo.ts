// The demo network (issue 16): ~600 signalised intersections placed along Hà Nội's central streets and on the grid of
// the Old Quarter and the French Quarter, each with a plausible plan from Webster's method on made-up counts, and a
// green wave on one corridor (Nguyễn Trãi–Tây Sơn–Tôn Đức Thắng, inbound at 40 km/h). Coordinates follow the
// streets roughly (polylines drawn from a map by eye): demo data, not survey data. Deterministic for a seed.
import { seededRandom } from '../../../platform/seeded-random.ts';
import { bandwidth, greenWave } from '../plan/coordination.ts';
import type { Phase, TimingPlan } from '../plan/types.ts';
import { isWebsterError, splitsFromWebster, webster } from '../plan/webster.ts';

export interface DemoIntersection {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** The corridor it belongs to, if any. */
  corridor: string | null;
  /** Metres along the corridor from its first intersection. */
  along: number;
  plan: TimingPlan;
}

/** Central streets as polylines [lat, lon], in the direction of travel the green wave would follow. */
export const CORRIDORS: readonly { name: string; points: readonly [number, number][] }[] = [
  { name: 'Nguyễn Trãi–Tây Sơn–Tôn Đức Thắng', points: [[20.9702, 105.7781], [20.9853, 105.7952], [20.9950, 105.8078], [21.0032, 105.8201], [21.0131, 105.8268], [21.0213, 105.8310], [21.0291, 105.8355]] },
  { name: 'Giải Phóng–Lê Duẩn', points: [[20.9500, 105.8430], [20.9760, 105.8415], [21.0060, 105.8410], [21.0180, 105.8412], [21.0290, 105.8415]] },
  { name: 'Kim Mã–Nguyễn Chí Thanh', points: [[21.0330, 105.8300], [21.0318, 105.8130], [21.0280, 105.8100], [21.0180, 105.8090], [21.0080, 105.8080]] },
  { name: 'Láng', points: [[21.0210, 105.8040], [21.0120, 105.8100], [21.0000, 105.8170]] },
  { name: 'Trường Chinh–Đại Cồ Việt–Trần Khát Chân', points: [[21.0020, 105.8230], [20.9990, 105.8340], [21.0065, 105.8430], [21.0085, 105.8530], [21.0082, 105.8620]] },
  { name: 'Trần Hưng Đạo', points: [[21.0232, 105.8450], [21.0205, 105.8530], [21.0180, 105.8590]] },
  { name: 'Xuân Thủy–Cầu Giấy', points: [[21.0320, 105.7830], [21.0360, 105.7930], [21.0362, 105.8020]] },
  { name: 'Phạm Văn Đồng', points: [[21.0450, 105.7830], [21.0650, 105.7815], [21.0850, 105.7800]] },
  { name: 'Hoàng Quốc Việt', points: [[21.0470, 105.7850], [21.0465, 105.7950], [21.0460, 105.8050]] },
  { name: 'Lạc Long Quân', points: [[21.0680, 105.8110], [21.0560, 105.8060], [21.0440, 105.8020]] },
  { name: 'Phạm Hùng–Khuất Duy Tiến', points: [[21.0450, 105.7840], [21.0200, 105.7810], [20.9950, 105.7990]] },
  { name: 'Lê Văn Lương', points: [[21.0050, 105.8120], [21.0020, 105.7980], [20.9990, 105.7830]] },
  { name: 'Minh Khai–Tam Trinh', points: [[20.9960, 105.8500], [20.9960, 105.8600], [20.9870, 105.8630], [20.9780, 105.8650]] },
  { name: 'Nguyễn Văn Cừ–Ngô Gia Tự', points: [[21.0430, 105.8730], [21.0520, 105.8830], [21.0650, 105.8950]] },
  { name: 'Đội Cấn–Đường Bưởi', points: [[21.0360, 105.8380], [21.0370, 105.8230], [21.0390, 105.8100]] },
  { name: 'Xã Đàn–Kim Liên', points: [[21.0200, 105.8280], [21.0120, 105.8340], [21.0060, 105.8410]] },
  { name: 'Bạch Mai–Đại La', points: [[21.0080, 105.8510], [20.9990, 105.8490], [20.9950, 105.8400]] },
  { name: 'Hoàng Hoa Thám–Thụy Khuê', points: [[21.0420, 105.8380], [21.0440, 105.8200], [21.0460, 105.8060]] },
];

/** The green wave's corridor and its design. */
export const GREEN_WAVE = { corridor: 'Nguyễn Trãi–Tây Sơn–Tôn Đức Thắng', cycle: 120, speedKmh: 40 } as const;

const EARTH = 6_371_000;
function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = ((b[0] - a[0]) * Math.PI) / 180;
  const dLon = ((b[1] - a[1]) * Math.PI) / 180;
  const x = dLon * Math.cos((((a[0] + b[0]) / 2) * Math.PI) / 180);
  return Math.sqrt(dLat * dLat + x * x) * EARTH;
}

const phaseTable = (n: number, r: () => number): Phase[] =>
  [2, 4, 6, 8].slice(0, n).map((p, i) => ({ phase: p, minimumGreen: i === 0 ? 10 : 7, passage: 3, maximum1: 60, yellowChange: 3, redClear: 2 + Math.round(r()) }));

function planFor(r: () => number, pattern: number, phases: Phase[], cycle?: number): TimingPlan {
  // Made-up counts: the main street carries most of the flow.
  const groups = phases.map((p, i) => ({ phase: p.phase, flow: Math.round((i === 0 ? 700 : 250) + r() * 300), saturation: 1800 }));
  const lost = phases.reduce((s, p) => s + p.yellowChange + p.redClear, 0);
  let w = webster(lost, groups);
  if (isWebsterError(w)) w = webster(lost, groups.map((g) => ({ ...g, flow: g.flow / 2 })));
  if (isWebsterError(w)) throw new Error(w.message.en);
  const s = splitsFromWebster(phases, w, { minCycle: cycle ?? 40, maxCycle: cycle ?? 150 });
  return { phases, pattern: { pattern, cycle: s.cycle, offset: 0, rings: [phases.map((p) => p.phase)], splits: s.splits.map((x, i) => ({ phase: x.phase, time: x.time, mode: 'none', coordPhase: i === 0 })) } };
}

export function demoIntersections(count = 600, seed = 2025): DemoIntersection[] {
  const r = seededRandom(seed);
  const placed: DemoIntersection[] = [];
  const near = (p: [number, number]): boolean => placed.some((x) => metres([x.lat, x.lon], p) < 120);
  const add = (p: [number, number], name: string, corridor: string | null, along: number): void => {
    if (placed.length >= count || near(p)) return;
    const id = `HN${String(placed.length + 1).padStart(4, '0')}`;
    const phases = phaseTable(corridor ? 2 + Math.floor(r() * 3) : 2, r);
    const wave = corridor === GREEN_WAVE.corridor;
    placed.push({ id, name, lat: Number(p[0].toFixed(6)), lon: Number(p[1].toFixed(6)), corridor, along, plan: planFor(r, wave ? 2 : 1, phases, wave ? GREEN_WAVE.cycle : undefined) });
  };
  // Corridors first, an intersection every ~250 m.
  for (const c of CORRIDORS) {
    let along = 0;
    let k = 0;
    for (let i = 0; i + 1 < c.points.length; i++) {
      const a = c.points[i]!;
      const b = c.points[i + 1]!;
      const len = metres(a, b);
      const steps = Math.max(1, Math.round(len / 250));
      for (let s = i === 0 ? 0 : 1; s <= steps; s++) {
        const f = s / steps;
        add([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f], `${c.name} — nút ${++k}`, c.name, Math.round(along + len * f));
      }
      along += len;
    }
  }
  // Then the central grid (Old Quarter, French Quarter, Ba Đình), every ~180 m, until the count is reached.
  for (let lat = 21.0400; lat >= 20.9950 && placed.length < count; lat -= 0.0016) {
    for (let lon = 105.8000; lon <= 105.8650 && placed.length < count; lon += 0.0018) {
      add([lat + (r() - 0.5) * 0.0004, lon + (r() - 0.5) * 0.0004], `Nút ${lat.toFixed(4)}, ${lon.toFixed(4)}`, null, 0);
    }
  }
  // The green wave: one common cycle and offsets from the travel time at the design speed.
  const wave = placed.filter((x) => x.corridor === GREEN_WAVE.corridor).sort((a, b) => a.along - b.along);
  const stops = wave.map((x) => ({ id: x.id, distance: x.along, coordSplit: x.plan.pattern.splits[0]!.time, clearance: x.plan.phases[0]!.yellowChange + x.plan.phases[0]!.redClear }));
  const offsets = greenWave(stops, GREEN_WAVE.cycle, GREEN_WAVE.speedKmh);
  wave.forEach((x, i) => (x.plan.pattern.offset = offsets[i]!.offset));
  return placed;
}

/** The green wave corridor's through band at its design speed, seconds. */
export function demoBand(list: readonly DemoIntersection[]): number {
  const wave = list.filter((x) => x.corridor === GREEN_WAVE.corridor).sort((a, b) => a.along - b.along);
  const stops = wave.map((x) => ({ id: x.id, distance: x.along, coordSplit: x.plan.pattern.splits[0]!.time, clearance: x.plan.phases[0]!.yellowChange + x.plan.phases[0]!.redClear }));
  return bandwidth(stops, wave.map((x) => ({ id: x.id, distance: x.along, travel: 0, offset: x.plan.pattern.offset })), GREEN_WAVE.cycle, GREEN_WAVE.speedKmh);
}
