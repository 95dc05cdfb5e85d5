// What the simulators' commands (egov transit simulate, egov signals simulate) share in reading their options: the
// broker's URL and numbers within bounds, each refusal in Vietnamese and English.

export type ArgError = { ok: false; vi: string; en: string };

/** The broker URL, or why it is not one. */
export function brokerArg(raw: string): { ok: true; url: string } | ArgError {
  if (/^mqtts?:\/\/[^/]+/.test(raw)) return { ok: true, url: raw };
  return { ok: false, vi: `Địa chỉ broker "${raw}" phải có dạng mqtt://máy:cổng.`, en: `The broker "${raw}" must look like mqtt://host:port.` };
}

/** A number from min to max (a whole number unless `fraction`), or why it is not. */
export function numberArg(name: string, raw: string, [min, max]: readonly [number, number], fraction = false): { ok: true; value: number } | ArgError {
  const n = Number(raw);
  if (Number.isFinite(n) && n >= min && n <= max && (fraction || Number.isInteger(n))) return { ok: true, value: n };
  return { ok: false, vi: `${name} phải là số từ ${min} đến ${max}, không phải "${raw}".`, en: `${name} must be a number from ${min} to ${max}, not "${raw}".` };
}
