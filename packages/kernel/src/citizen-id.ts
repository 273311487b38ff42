import { createHmac, randomUUID } from 'node:crypto';

/**
 * Citizen identity without a central master database.
 *
 * Every agency derives the same federation key from the same СНИЛС with a
 * keyed hash (HMAC-SHA256 under a regional secret shared by the agencies), so
 * the person registered at two agencies is one `Citizen` in the gateway. The
 * key is keyed rather than a plain hash because the СНИЛС space (10⁹) is small
 * enough to enumerate: without the secret the key reveals nothing.
 *
 * A person without СНИЛС gets a random key from the first agency that serves
 * them; it travels in every message about them, so the other agencies reuse
 * it. When the СНИЛС becomes known the record is re-keyed to the derived key
 * and the old key is kept as an alias (see `citizen.identity-linked`).
 */
export function deriveCitizenId(normalizedSnils: string, secret: string): string {
  const h = createHmac('sha256', secret).update(`snils:${normalizedSnils}`).digest();
  // Shape it as an RFC 9562 version-8 (custom) UUID so it fits `uuid` columns.
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const newProvisionalCitizenId = (): string => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID_RE.test(s);

/** Keys derived from СНИЛС are version 8; provisional ones are random version 4. */
export const isDerivedCitizenId = (id: string): boolean => isUuid(id) && id[14] === '8';
