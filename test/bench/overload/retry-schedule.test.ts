import { describe, expect, it } from 'vitest';
import { RetrySchedule } from '../../../bench/overload/retry-schedule.js';

describe('RetrySchedule', () => {
  it('gives back only the entries whose slot has begun, earliest slot first', () => {
    const schedule = new RetrySchedule<string>(10);
    schedule.add('late', 1_050);
    schedule.add('early', 1_001);
    schedule.add('middle', 1_025);
    const due: string[] = [];
    schedule.takeDue(1_029, due);
    expect(due).toEqual(['early', 'middle']);
    expect(schedule.size).toBe(1);
    schedule.takeDue(1_060, due);
    expect(due).toEqual(['early', 'middle', 'late']);
    expect(schedule.size).toBe(0);
  });

  it('takes an entry added for a slot already passed on the next call', () => {
    const schedule = new RetrySchedule<string>(10);
    schedule.add('a', 2_000);
    schedule.takeDue(2_000, []);
    schedule.add('overdue', 1_500);
    const due: string[] = [];
    schedule.takeDue(2_010, due);
    expect(due).toEqual(['overdue']);
  });

  it('keeps every entry of a busy slot, none twice', () => {
    const schedule = new RetrySchedule<number>(10);
    for (let index = 0; index < 1_000; index++) schedule.add(index, 5_000 + (index % 7));
    const due: number[] = [];
    schedule.takeDue(5_003, due);
    schedule.takeDue(5_100, due);
    expect(due.sort((a, b) => a - b)).toEqual(Array.from({ length: 1_000 }, (_, index) => index));
  });
});
