import { LRUCache } from 'lru-cache';

interface Entry<T> {
  value: T;
  /** Epoch ms after which the entry is not used. */
  until: number;
}

/**
 * What checking or signing a token produced, kept per exact key until a
 * given expiry or `maxAgeMs`, whichever comes first, for at most `max` keys
 * (the least recently used go first).
 *
 * Why: the same bearer token comes with every request of a user's session,
 * at the gateway and again at each subgraph the gateway fans out to, and each
 * HS256 check or signature through jose (WebCrypto) costs about 80 µs of CPU
 * (`npm run bench`, part 3, has the effect). Only successes are stored: a
 * refused token is checked again each time, so a flood of forged tokens fills
 * nothing. The bound on age limits how long a key withdrawn from the identity
 * provider's JWKS still admits a token it signed (a minute by default).
 */
export class TokenCache<T extends object | string> {
  private readonly entries: LRUCache<string, Entry<T>>;

  constructor(
    max = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {
    this.entries = new LRUCache({ max });
  }

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until > Date.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** The value kept for `key`; else `produce`'s, kept until the epoch second it names (a throw keeps nothing). */
  async getOrProduce(key: string, produce: () => Promise<{ value: T; untilSeconds: number }>): Promise<T> {
    const known = this.get(key);
    if (known !== undefined) return known;
    const { value, untilSeconds } = await produce();
    this.set(key, value, untilSeconds);
    return value;
  }

  /** Keeps `value` until `untilSeconds` (epoch seconds, e.g. a token's `exp`), at most `maxAgeMs` from now. */
  set(key: string, value: T, untilSeconds: number): void {
    const now = Date.now();
    const until = Math.min(untilSeconds * 1000, now + this.maxAgeMs);
    if (until > now) this.entries.set(key, { value, until });
  }
}
