import { fixKafkajsIdleLoop } from './kafkajs-idle-fix';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: unknown;
  checkPendingRequests: jest.Mock;
  scheduleCheckPendingRequests(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: { scheduleCheckPendingRequests(this: Queue): void };
};
const released = RequestQueue.prototype.scheduleCheckPendingRequests;

/** A request queue as kafkajs keeps one per connection, with the fields the method reads. */
function queue(o: { pending?: number; throttledUntil?: number } = {}): Queue {
  const q = {
    pending: Array.from({ length: o.pending ?? 0 }, () => ({})),
    throttledUntil: o.throttledUntil ?? -1,
    throttleCheckTimeoutId: null,
    checkPendingRequests: jest.fn(),
    scheduleCheckPendingRequests: RequestQueue.prototype.scheduleCheckPendingRequests,
  };
  // As kafkajs' own check does: it schedules the next one when it is done.
  q.checkPendingRequests.mockImplementation(() => q.scheduleCheckPendingRequests());
  return q;
}

describe('kafkajs request queue at rest', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('as released (2.2.4), keeps an idle connection in a 1 ms timer loop', () => {
    const q = queue();
    q.scheduleCheckPendingRequests = released;
    q.scheduleCheckPendingRequests();
    jest.advanceTimersByTime(100);
    expect(q.checkPendingRequests.mock.calls.length).toBeGreaterThanOrEqual(50);
  });

  describe('fixed', () => {
    beforeAll(() => expect(fixKafkajsIdleLoop()).toBe(true));

    it('sets no timer when nothing is pending and nothing throttles', () => {
      const q = queue();
      q.scheduleCheckPendingRequests();
      expect(jest.getTimerCount()).toBe(0);
      jest.advanceTimersByTime(100);
      expect(q.checkPendingRequests).not.toHaveBeenCalled();
    });

    it('still checks a pending request in 10 ms', () => {
      const q = queue({ pending: 1 });
      q.scheduleCheckPendingRequests();
      jest.advanceTimersByTime(9);
      expect(q.checkPendingRequests).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(q.checkPendingRequests).toHaveBeenCalledTimes(1);
    });

    it('checks when a throttle ends, then stops once nothing is pending', () => {
      const q = queue({ throttledUntil: Date.now() + 50 });
      q.scheduleCheckPendingRequests();
      jest.advanceTimersByTime(49);
      expect(q.checkPendingRequests).not.toHaveBeenCalled();
      jest.advanceTimersByTime(200);
      expect(q.checkPendingRequests).toHaveBeenCalledTimes(1);
      expect(jest.getTimerCount()).toBe(0);
    });

    it('is applied once, however many buses a process makes', () => {
      const fixed = RequestQueue.prototype.scheduleCheckPendingRequests;
      expect(fixKafkajsIdleLoop()).toBe(true);
      expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(fixed);
    });
  });
});
