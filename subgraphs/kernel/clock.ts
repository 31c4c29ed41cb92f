/**
 * Where a platform reads the time for what it decides: grants that end, deadlines that run, the day a
 * record is checked against. Time is an input: production reads the system clock, a test sets it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets to a day of its choosing, so that a deadline reads the same whatever day the suite runs. */
export class SettableClock implements Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  set(instant: Date | string): void {
    this.fixed = new Date(instant);
    if (Number.isNaN(this.fixed.getTime())) throw new Error(`'${instant}' is not an instant`);
  }

  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms);
  }

  /** Back to the system clock. */
  reset(): void {
    this.fixed = null;
  }
}
