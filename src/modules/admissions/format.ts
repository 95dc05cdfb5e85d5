// Instants as the admission pages, messages and mail write them: to the second, Vietnam time.
const exact = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "08:00:00 01/07/2026", Vietnam time: opening and closing are to the second (issue 11). */
export function exactTime(d: Date): string {
  const p: Record<string, string> = {};
  for (const x of exact.formatToParts(d)) p[x.type] = x.value;
  return `${p.hour}:${p.minute}:${p.second} ${p.day}/${p.month}/${p.year}`;
}
