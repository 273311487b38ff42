/** The time source of a service. Injected so tests can walk a contract through its months. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand (a contract's months, a deadline passing). */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string = new Date()) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
}

/**
 * Приёмочные часы: the real time (or a test's clock) moved forward by an
 * offset an ADMIN sets, so an acceptance environment or a case workers'
 * training walks a whole contract — its end, evaluation, a year of
 * monitoring — in minutes. Only forward: a deadline once passed stays passed.
 * Never in production (the service refuses the setting there).
 */
export class AcceptanceClock implements Clock {
  private offset = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offset);
  }
  get offsetMs(): number {
    return this.offset;
  }
  /** Moves to this offset from the real time; refuses to move back. */
  setOffset(ms: number): void {
    if (!Number.isSafeInteger(ms) || ms < this.offset)
      throw new Error(`the acceptance clock only moves forward (${this.offset} → ${ms} ms)`);
    this.offset = ms;
  }
}
