import { describe, expect, it } from 'vitest';
import { nextTick, parseScheduleExpression } from '../../../../infra/local/schedule/schedule-expression.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function next(expression: string, after: string, anchor = after): string | undefined {
  const schedule = parseScheduleExpression(expression);
  if (schedule === undefined) throw new Error(`refused: ${expression}`);
  return iso(nextTick(schedule, at(after), at(anchor)));
}

describe('parseScheduleExpression: rate', () => {
  it('accepts a singular unit for 1 and a plural one above', () => {
    for (const text of [
      'rate(1 minute)',
      'rate(5 minutes)',
      'rate(1 hour)',
      'rate(12 hours)',
      'rate(1 day)',
      'rate(7 days)',
    ]) {
      expect(parseScheduleExpression(text), text).toBeDefined();
    }
  });

  it('refuses rate(1 hours), rate(5 hour), zero, signs, decimals, other units and spacing', () => {
    for (const text of [
      'rate(1 hours)',
      'rate(5 hour)',
      'rate(0 minutes)',
      'rate(-1 minutes)',
      'rate(1.5 hours)',
      'rate(01 minute)',
      'rate(2 weeks)',
      'rate(1 second)',
      'rate(1  minute)',
      'rate(1minute)',
      'rate 1 minute',
      'Rate(1 minute)',
    ]) {
      expect(parseScheduleExpression(text), text).toBeUndefined();
    }
  });

  it('ticks every interval from the anchor', () => {
    expect(next('rate(5 minutes)', '2026-01-01T00:00:30Z')).toBe('2026-01-01T00:05:30.000Z');
    expect(next('rate(5 minutes)', '2026-01-01T00:12:00Z', '2026-01-01T00:00:30Z')).toBe(
      '2026-01-01T00:15:30.000Z',
    );
    expect(next('rate(1 day)', '2026-01-01T00:05:30Z', '2026-01-01T00:05:30Z')).toBe(
      '2026-01-02T00:05:30.000Z',
    );
  });
});

describe('parseScheduleExpression: cron', () => {
  it('accepts the docs examples', () => {
    for (const text of [
      'cron(0 10 * * ? *)',
      'cron(15 12 * * ? *)',
      'cron(0 18 ? * MON-FRI *)',
      'cron(0 8 1 * ? *)',
      'cron(0/15 * * * ? *)',
      'cron(0/10 * ? * MON-FRI *)',
      'cron(0/5 8-17 ? * MON-FRI *)',
      'cron(0 9 ? * 2#1 *)',
      'cron(9 * 7,9,11 5 ? 2020,2022,2024-2099)',
      'cron(0 0 L * ? *)',
      'cron(0 0 3W * ? *)',
      'cron(0 0 ? * 6L *)',
      'cron(0 0 ? * L *)',
      'cron(0 12 ? jan,Feb sun *)',
    ]) {
      expect(parseScheduleExpression(text), text).toBeDefined();
    }
  });

  it('refuses both day fields set, both ?, wrong field counts, out-of-range values and misplaced wildcards', () => {
    for (const text of [
      'cron(0 10 * * * *)',
      'cron(0 10 ? * ? *)',
      'cron(0 10 1 * MON *)',
      'cron(0 10 * * ?)',
      'cron(0 10 * * ? * *)',
      'cron(60 10 * * ? *)',
      'cron(0 24 * * ? *)',
      'cron(0 0 32 * ? *)',
      'cron(0 0 0 * ? *)',
      'cron(0 0 * 13 ? *)',
      'cron(0 0 ? * 8 *)',
      'cron(0 0 * * ? 1969)',
      'cron(0 0 * * ? 2200)',
      'cron(0 0 ? * 3#1,6#3 *)',
      'cron(0 0 ? * 3#6 *)',
      'cron(L 0 * * ? *)',
      'cron(0 0 ? * 3W *)',
      'cron(0 0 3# * ? *)',
      'cron(5x 0 * * ? *)',
      'cron(10-5 0 * * ? *)',
      'cron(*/0 0 * * ? *)',
      'cron(0 0 * FOO ? *)',
      'cron()',
      'cron 0 10 * * ? *',
    ]) {
      expect(parseScheduleExpression(text), text).toBeUndefined();
    }
  });

  it('computes the next minute of each kind of field, in UTC', () => {
    expect(next('cron(0 10 * * ? *)', '2026-03-04T10:00:00Z')).toBe('2026-03-05T10:00:00.000Z');
    expect(next('cron(0/15 * * * ? *)', '2026-03-04T10:07:00Z')).toBe('2026-03-04T10:15:00.000Z');
    expect(next('cron(1/10 * * * ? *)', '2026-03-04T10:01:00Z')).toBe('2026-03-04T10:11:00.000Z');
    // 2026-03-06 is a Friday: MON-FRI at 18:00 skips the weekend.
    expect(next('cron(0 18 ? * MON-FRI *)', '2026-03-06T18:00:00Z')).toBe('2026-03-09T18:00:00.000Z');
    expect(next('cron(0 0 L * ? *)', '2026-02-01T00:00:00Z')).toBe('2026-02-28T00:00:00.000Z');
    expect(next('cron(0 0 L * ? *)', '2028-02-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    // The first Monday of March 2026 is the 2nd; 2#1 is the first Monday.
    expect(next('cron(0 9 ? * 2#1 *)', '2026-03-01T00:00:00Z')).toBe('2026-03-02T09:00:00.000Z');
    // The last Friday (6L) of March 2026 is the 27th.
    expect(next('cron(0 0 ? * 6L *)', '2026-03-01T00:00:00Z')).toBe('2026-03-27T00:00:00.000Z');
    // 2026-03-01 is a Sunday: 1W is Monday the 2nd; 2026-08-01 is a Saturday: 1W is Monday the 3rd.
    expect(next('cron(0 0 1W * ? *)', '2026-02-28T00:00:00Z')).toBe('2026-03-02T00:00:00.000Z');
    expect(next('cron(0 0 1W * ? *)', '2026-07-31T00:00:00Z')).toBe('2026-08-03T00:00:00.000Z');
    expect(next('cron(0 0 ? * L *)', '2026-03-01T00:00:00Z')).toBe('2026-03-07T00:00:00.000Z');
    expect(next('cron(9 * 7,9,11 5 ? 2020,2022,2024-2099)', '2026-01-01T00:00:00Z')).toBe(
      '2026-05-07T00:09:00.000Z',
    );
  });

  it('finds no tick for a schedule whose years are over or whose day never comes', () => {
    expect(next('cron(0 0 * * ? 2020)', '2026-01-01T00:00:00Z')).toBeUndefined();
    expect(next('cron(0 0 30 2 ? *)', '2026-01-01T00:00:00Z')).toBeUndefined();
  });
});
