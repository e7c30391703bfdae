/** Store-local time: the cut-off for same-day dispatch is in the store's time zone, not the server's. */

/** Minutes since midnight at `now` in the time zone. */
export function minutesOfDay(now: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/** True when `now` is before the HH:MM cut-off in the store's time zone. */
export function beforeCutoff(now: number, timeZone: string, cutoff: string): boolean {
  const [h = 0, m = 0] = cutoff.split(':').map(Number);
  return minutesOfDay(now, timeZone) < h * 60 + m;
}
