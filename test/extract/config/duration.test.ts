import { describe, expect, it } from 'vitest';
import { describeSeconds, parseDuration } from '../../../src/extract/config/duration.js';

describe('parseDuration', () => {
  it.each([
    ['15m', 1, 900],
    ['30min', 0.001, 1800],
    ['2h', 1, 7200],
    ['1h30m', 1, 5400],
    ['7d', 1, 604800],
    ['1 day', 1, 86400],
    ['2 hours', 1, 7200],
    ['PT15M', 1, 900],
    ['P1DT2H', 1, 93600],
    ["'15min'", 0.001, 900],
    ['900', 1, 900],
    ['900000', 0.001, 900],
    ['30_000', 0.001, 30],
    ['0', 0.001, 0],
    ['500ms', 1, 0.5],
  ])('%s (bare numbers x%s) is %s seconds', (text, unit, seconds) => {
    expect(parseDuration(text, unit)).toBeCloseTo(seconds);
  });

  it.each(['session', 'soon', '', '15 parsecs', '10 20'])('%s is not a duration', (text) => {
    expect(parseDuration(text, 1)).toBeUndefined();
  });
});

describe('describeSeconds', () => {
  it('uses the largest whole unit', () => {
    expect(describeSeconds(28800)).toBe('8 hours');
    expect(describeSeconds(2592000)).toBe('30 days');
    expect(describeSeconds(60)).toBe('1 minute');
    expect(describeSeconds(5400)).toBe('90 minutes');
  });
});
