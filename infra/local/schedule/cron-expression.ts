/**
 * AWS's six-field cron (`Minutes Hours Day-of-month Month Day-of-week Year`, UTC), as the EventBridge
 * User Guide's "Cron expressions reference" defines it: `, - * /` everywhere; `?`, `L`, `W` in
 * Day-of-month; `?`, `L`, `#` in Day-of-week; month and weekday names; exactly one of the two day
 * fields is `?`. Own parser: aws-cron-parser (npm) assumes the expression "validated by AWS already"
 * and reads `5x` as 5, so it cannot be the validator PutRule needs.
 */
export type DayOfMonthRule =
  | { readonly kind: 'any' }
  | { readonly kind: 'days'; readonly days: ReadonlySet<number> }
  | { readonly kind: 'last' }
  | { readonly kind: 'weekday'; readonly day: number };

export type DayOfWeekRule =
  | { readonly kind: 'any' }
  | { readonly kind: 'days'; readonly days: ReadonlySet<number> }
  /** `5L`: the last Thursday of the month. */
  | { readonly kind: 'last'; readonly day: number }
  /** `3#2`: the second Tuesday of the month. */
  | { readonly kind: 'nth'; readonly day: number; readonly nth: number };

export interface CronExpression {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly dayOfMonth: DayOfMonthRule;
  readonly months: ReadonlySet<number>;
  /** 1 = SUN … 7 = SAT, as AWS numbers them. */
  readonly dayOfWeek: DayOfWeekRule;
  readonly years: ReadonlySet<number>;
}

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const fields = {
  minutes: { min: 0, max: 59 },
  hours: { min: 0, max: 23 },
  dayOfMonth: { min: 1, max: 31 },
  months: { min: 1, max: 12, names: monthNames },
  dayOfWeek: { min: 1, max: 7, names: dayNames },
  years: { min: 1970, max: 2199 },
} as const satisfies Record<string, FieldSpec>;

function fieldValue(text: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const value = named >= 0 ? named + 1 : /^\d{1,4}$/.test(text) ? Number(text) : undefined;
  return value !== undefined && value >= spec.min && value <= spec.max ? value : undefined;
}

/** One comma-separated item: `*`, `n`, `a-b`, with an optional `/step` (`*` + step, `a/step`, `a-b/step`). */
function itemValues(item: string, spec: FieldSpec): number[] | undefined {
  const [range = '', stepText, extra] = item.split('/');
  if (extra !== undefined) return undefined;
  const step = stepText === undefined ? 1 : /^\d{1,4}$/.test(stepText) ? Number(stepText) : 0;
  if (step < 1) return undefined;
  let from: number | undefined;
  let to: number | undefined;
  if (range === '*') {
    from = spec.min;
    to = spec.max;
  } else {
    const [start = '', end, more] = range.split('-');
    if (more !== undefined) return undefined;
    from = fieldValue(start, spec);
    // `a/step` runs from a to the field's end, as the docs' `1/10` example (11th, 21st, ... minute).
    to = end === undefined ? (stepText === undefined ? from : spec.max) : fieldValue(end, spec);
  }
  if (from === undefined || to === undefined || from > to) return undefined;
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

function listValues(text: string, spec: FieldSpec): ReadonlySet<number> | undefined {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const found = itemValues(item, spec);
    if (found === undefined) return undefined;
    for (const value of found) values.add(value);
  }
  return values;
}

function dayOfMonthRule(text: string): DayOfMonthRule | undefined {
  if (text === '?') return { kind: 'any' };
  if (text === 'L') return { kind: 'last' };
  const weekday = /^(\d{1,2})W$/.exec(text);
  if (weekday !== null) {
    const day = fieldValue(weekday[1] ?? '', fields.dayOfMonth);
    return day === undefined ? undefined : { kind: 'weekday', day };
  }
  const days = listValues(text, fields.dayOfMonth);
  return days === undefined ? undefined : { kind: 'days', days };
}

function dayOfWeekRule(text: string): DayOfWeekRule | undefined {
  if (text === '?') return { kind: 'any' };
  // `L` alone is the last day of the week: Saturday.
  if (text === 'L') return { kind: 'days', days: new Set([7]) };
  const last = /^([A-Za-z]{3}|\d)L$/.exec(text);
  if (last !== null) {
    const day = fieldValue(last[1] ?? '', fields.dayOfWeek);
    return day === undefined ? undefined : { kind: 'last', day };
  }
  // With `#` the field holds that one expression only ("3#1,6#3" is invalid, the reference says).
  const nth = /^([A-Za-z]{3}|\d)#([1-5])$/.exec(text);
  if (nth !== null) {
    const day = fieldValue(nth[1] ?? '', fields.dayOfWeek);
    return day === undefined ? undefined : { kind: 'nth', day, nth: Number(nth[2]) };
  }
  const days = listValues(text, fields.dayOfWeek);
  return days === undefined ? undefined : { kind: 'days', days };
}

/** The fields inside `cron(...)`; undefined when AWS would refuse them. */
export function parseCronFields(text: string): CronExpression | undefined {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 6) return undefined;
  const [minutes, hours, dom, months, dow, years] = parts as [string, string, string, string, string, string];
  const dayOfMonth = dayOfMonthRule(dom);
  const dayOfWeek = dayOfWeekRule(dow);
  // "If you specify a value or a * (asterisk) in one of the fields, you must use a ? (question
  // mark) in the other": exactly one of them is `?`.
  if (dayOfMonth === undefined || dayOfWeek === undefined) return undefined;
  if ((dayOfMonth.kind === 'any') === (dayOfWeek.kind === 'any')) return undefined;
  const parsed = {
    minutes: listValues(minutes, fields.minutes),
    hours: listValues(hours, fields.hours),
    months: listValues(months, fields.months),
    years: listValues(years, fields.years),
  };
  if (Object.values(parsed).some((set) => set === undefined)) return undefined;
  return { ...(parsed as Record<keyof typeof parsed, ReadonlySet<number>>), dayOfMonth, dayOfWeek };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weekday nearest to `day` without leaving the month (Quartz's `W`, which AWS's cron follows). */
function nearestWeekday(year: number, month: number, day: number): number | undefined {
  const last = daysInMonth(year, month);
  if (day > last) return undefined;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday === 6) return day === 1 ? 3 : day - 1;
  if (weekday === 0) return day === last ? day - 2 : day + 1;
  return day;
}

function dayMatches(cron: CronExpression, year: number, month: number, day: number): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
  const dom = cron.dayOfMonth;
  const dow = cron.dayOfWeek;
  if (dom.kind === 'days') return dom.days.has(day);
  if (dom.kind === 'last') return day === daysInMonth(year, month);
  if (dom.kind === 'weekday') return nearestWeekday(year, month, dom.day) === day;
  if (dow.kind === 'days') return dow.days.has(weekday);
  if (dow.kind === 'last') return weekday === dow.day && day + 7 > daysInMonth(year, month);
  if (dow.kind === 'nth') return weekday === dow.day && Math.ceil(day / 7) === dow.nth;
  return false;
}

const minuteMs = 60_000;

/** The first minute strictly after `afterMs` the expression names, or undefined if none is left. */
export function nextCronTime(cron: CronExpression, afterMs: number): number | undefined {
  let t = Math.floor(afterMs / minuteMs) * minuteMs + minuteMs;
  const end = Date.UTC(fields.years.max + 1, 0, 1);
  while (t < end) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if (!cron.years.has(year)) t = Date.UTC(year + 1, 0, 1);
    else if (!cron.months.has(month)) t = Date.UTC(year, month, 1);
    else if (!dayMatches(cron, year, month, day)) t = Date.UTC(year, month - 1, day + 1);
    else if (!cron.hours.has(d.getUTCHours())) t = Date.UTC(year, month - 1, day, d.getUTCHours() + 1);
    else if (!cron.minutes.has(d.getUTCMinutes())) t += minuteMs;
    else return t;
  }
  return undefined;
}
