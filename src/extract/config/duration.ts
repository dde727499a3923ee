/** Durations as written in configs and code (`'15m'`, `'30min'`, `'PT15M'`, `'1h30m'`, `900`) to seconds. */

const UNIT_SECONDS: Record<string, number> = {
  us: 0.000001,
  ms: 0.001,
  msec: 0.001,
  msecs: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  wk: 604800,
  week: 604800,
  weeks: 604800,
  y: 31557600,
  yr: 31557600,
  year: 31557600,
  years: 31557600,
};

const PART = /(-?\d+(?:\.\d+)?)\s*([a-z]*)/gy;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Seconds for a duration text; a bare number is in `defaultUnitSeconds` (1 for seconds, 0.001
 * for milliseconds). Undefined when the text is not a duration.
 */
export function parseDuration(raw: string, defaultUnitSeconds: number): number | undefined {
  const text = raw.trim().replace(/^['"]|['"]$/g, '').trim().replace(/_/g, '');
  if (!text) return undefined;
  const iso = ISO.exec(text);
  if (iso && text.length > 1) {
    const [, d, h, m, s] = iso;
    return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  }
  const lower = text.toLowerCase().replace(/(?<!\s)\s+and\s+|,/g, ' ');
  PART.lastIndex = 0;
  let total = 0;
  let parts = 0;
  let at = 0;
  while (at < lower.length) {
    while (lower[at] === ' ') at++;
    if (at >= lower.length) break;
    PART.lastIndex = at;
    const m = PART.exec(lower);
    if (!m || m[0].length === 0) return undefined;
    const value = Number(m[1]);
    const unit = m[2] ?? '';
    const factor = unit === '' ? (parts === 0 && m.index + m[0].length >= lower.trimEnd().length ? defaultUnitSeconds : undefined) : UNIT_SECONDS[unit];
    if (factor === undefined || !Number.isFinite(value)) return undefined;
    total += value * factor;
    parts++;
    at = m.index + m[0].length;
  }
  return parts > 0 ? total : undefined;
}

/** `8 hours`, `30 days`, `20 minutes`: for messages. */
export function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [604800, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} hours`;
  if (seconds >= 60) return `${(seconds / 60).toFixed(1)} minutes`;
  return `${seconds} seconds`;
}
