/** Store-local time: the cut-off for same-day dispatch is in the store's time zone, not the server's. */

/** Per time zone: its formatter (building one costs ~0.1 ms) and the last minute it was asked about. */
interface Zone { format: Intl.DateTimeFormat; minute: number; minutes: number }
const zones = new Map<string, Zone>();

/** Minutes since midnight at `now` in the time zone. */
export function minutesOfDay(now: number, timeZone: string): number {
  let zone = zones.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    zones.set(timeZone, (zone = { format, minute: NaN, minutes: 0 }));
  }
  // Offsets in use today are whole minutes, so within one UTC minute the answer cannot change.
  const minute = Math.floor(now / 60_000);
  if (minute !== zone.minute) {
    let hour = 0;
    let min = 0;
    for (const p of zone.format.formatToParts(now)) {
      if (p.type === 'hour') hour = Number(p.value);
      else if (p.type === 'minute') min = Number(p.value);
    }
    zone.minute = minute;
    zone.minutes = hour * 60 + min;
  }
  return zone.minutes;
}

/** True when `now` is before the HH:MM cut-off in the store's time zone. */
export function beforeCutoff(now: number, timeZone: string, cutoff: string): boolean {
  const [h = 0, m = 0] = cutoff.split(':').map(Number);
  return minutesOfDay(now, timeZone) < h * 60 + m;
}
