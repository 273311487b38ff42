import { backoffDelay } from './backoff';
import { uuidv7 } from './ids';

describe('backoff', () => {
  const p = { initialMs: 100, maxMs: 1000, factor: 2 };
  it('grows exponentially and is capped', () => {
    expect(backoffDelay(1, p, () => 1)).toBe(100);
    expect(backoffDelay(3, p, () => 1)).toBe(400);
    expect(backoffDelay(10, p, () => 1)).toBe(1000);
  });
  it('keeps at least half the ceiling under jitter', () => {
    expect(backoffDelay(3, p, () => 0)).toBe(200);
  });
});

describe('uuidv7', () => {
  it('sorts by creation time', () => {
    const a = uuidv7(1_000);
    const b = uuidv7(2_000);
    expect(a < b).toBe(true);
    expect(a[14]).toBe('7');
  });
});
