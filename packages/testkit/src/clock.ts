import type { Clock } from '@workup/server';

/** A clock that stands still until told to move. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-03-02T08:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}
