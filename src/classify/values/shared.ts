/** Helpers shared by the value detectors: context windows and match construction. */
import type { PhiCategory } from '../../core/types.js';
import type { ValueDetector, ValueMatch } from '../types.js';

export interface ScanText {
  text: string;
  /** Lower-cased once for all context lookups. */
  lower: string;
  /** How many ASCII digits the text has: most detectors need several, so they skip texts with fewer. */
  digits: number;
}

export function scanText(text: string): ScanText {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return { text, lower: text.toLowerCase(), digits };
}

/** The lower-cased text just before `start` (bounded, so lookups stay O(1) per match). */
export function windowBefore(s: ScanText, start: number, width = 40): string {
  return s.lower.slice(Math.max(0, start - width), start);
}

export function windowAfter(s: ScanText, end: number, width = 30): string {
  return s.lower.slice(end, end + width);
}

export function valueMatch(
  start: number,
  text: string,
  detector: ValueDetector,
  category: PhiCategory,
  confidence: number,
  why: string,
  placeholder = false,
): ValueMatch {
  return { start, end: start + text.length, text, category, detector, confidence, why, placeholder };
}

/** Runs a global regex over the text; the callback returns a match or nothing. */
export function eachMatch(re: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    visit(m);
  }
}
