/** Date arithmetic on ISO dates (YYYY-MM-DD) in UTC, as the iJw rules count them. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Number of ISO weeks (Monday–Sunday) that the period [from, to] touches. */
export function isoWeeksTouched(from: string, to: string): number {
  const start = new Date(`${from}T00:00:00Z`);
  const mondayOffset = (start.getUTCDay() + 6) % 7;
  return Math.floor((mondayOffset + daysBetween(from, to)) / 7) + 1;
}

/**
 * The most a prestatie may declare over [from, to] under an allocation's omvang (TR321): per day × days, per week ×
 * the ISO weeks the period touches, per month or in total once.
 */
export function maxDeclarableVolume(
  omvang: { volume: number; frequency: string | null },
  from: string,
  to: string,
): number {
  switch (omvang.frequency) {
    case '1':
      return omvang.volume * (daysBetween(from, to) + 1);
    case '2':
      return omvang.volume * isoWeeksTouched(from, to);
    default:
      return omvang.volume;
  }
}
