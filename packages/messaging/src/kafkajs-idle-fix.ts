/** The part of kafkajs' per-connection request queue that the fix touches (kafkajs 2.2.4, not exported). */
interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

const FIXED = Symbol.for('sc.kafkajs.idle-fix');

/**
 * kafkajs 2.2.4 (its last release) keeps every broker connection in a
 * 1 ms timer loop once it has had an answer: with nothing pending and no
 * throttling, `scheduleCheckPendingRequests` sets a timer of
 * `throttledUntil − now` = −1 − now ms, which Node turns into 1 ms (and, on
 * Node ≥ 24, a TimeoutNegativeWarning), whose callback schedules the next
 * one — a thousand wake-ups a second per connection, for the life of the
 * process (tulios/kafkajs#1556, #1704, #1751; the fixes, #1667 and #1768,
 * were never released). Measured here with one consumer of 5 topics on the
 * three-broker mock, 100 ms fetch waits (a real broker's long poll at rest):
 * 0.045–0.052 cores at rest before, 0.023 after.
 *
 * The fix is #1667's: a check is scheduled only when something is pending
 * (in 10 ms, or when the throttle ends) or while throttled; a request
 * answered or timed out checks the queue anyway, and a request that cannot
 * go at once is pending, so nothing waits on the removed loop. Applied once
 * per process, to kafkajs' own module (the one its connections use); a
 * kafkajs whose queue no longer looks like 2.2.4's is left alone.
 */
export function fixKafkajsIdleLoop(): boolean {
  // The same module kafkajs' connections load (a plain require: under jest, from jest's registry as kafkajs is).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { prototype: proto } = require('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueue & Record<symbol, true>;
  };
  if (proto[FIXED]) return true;
  const original = proto.scheduleCheckPendingRequests;
  if (typeof original !== 'function' || !/throttledUntil\s*-\s*Date\.now\(\)/.test(original.toString())) return false;
  proto.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueue) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    original.call(this);
  };
  proto[FIXED] = true;
  return true;
}
