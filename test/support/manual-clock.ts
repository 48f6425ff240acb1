import type { Clock } from '../../infra/local/delivery/clock.js';

/**
 * A clock the test moves by hand: `advance` runs the timers that fall due, in time order, so a
 * test steps through minutes of schedules without waiting for them.
 */
export class ManualClock implements Clock {
  private timers: { at: number; callback: () => void }[] = [];

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  after(ms: number, callback: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((other) => other !== timer);
    };
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => timer.at <= this.time).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((timer) => timer.at > this.time);
    for (const timer of due) timer.callback();
  }
}
