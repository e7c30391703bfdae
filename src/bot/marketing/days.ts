/** Calendar days in the store's time zone, so "due today" and daily counts follow the store's clock, not UTC. */

/** China has one time zone and no summer time: UTC+8 all year. */
export const STORE_UTC_OFFSET_MIN = 8 * 60;
export const DAY_MS = 86_400_000;

/** Days since the epoch at the store's midnight (a number, cheap to compare). */
export function dayNumber(at: number, offsetMin = STORE_UTC_OFFSET_MIN): number {
  return Math.floor((at + offsetMin * 60_000) / DAY_MS);
}

/** The day as YYYY-MM-DD in the store's time zone. */
export function dayKey(at: number, offsetMin = STORE_UTC_OFFSET_MIN): string {
  return dayKeyOf(dayNumber(at, offsetMin));
}

/** YYYY-MM-DD of a day number. */
export function dayKeyOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
