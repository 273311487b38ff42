import { ConflictError, sha256, uuidv7, ValidationError } from '@sc/kernel';
import type { UrgentServiceCase } from './urgent-service-case';

/**
 * Акт о предоставлении срочных социальных услуг (M13). Its content is frozen
 * when it is drawn up and identified by a SHA-256 of that content. The
 * recipient signs on a tablet: the signature image (PNG) and the hash of the
 * act the recipient was shown are submitted; the signature verifies only if
 * that hash is the act's and the image is a real PNG. A signed act cannot be
 * altered — by the domain, and by a trigger in the database.
 */
export interface ActContent {
  number: string;
  caseId: string;
  recipient: { citizenId: string | null; fullName: string | null; identityDocument: string | null; anonymous: boolean };
  provider: string;
  services: { code: string; name: string; quantity: number; unit: string; deliveredOn: string }[];
  conditions: string;
  drawnUpOn: string;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A drawn signature is more than a dot: a PNG below this many bytes is refused. */
const MIN_SIGNATURE_BYTES = 67;

/** Canonical JSON (sorted keys) so the same content always hashes the same. */
export const canonicalJson = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  );

export class UrgentServiceAct {
  id!: string;
  caseId!: string;
  citizenId?: string | null;
  number!: string;
  content!: ActContent;
  contentHash!: string;
  signedAt?: Date | null;
  signerName?: string | null;
  signatureSha256?: string | null;
  signatureImage?: Buffer | null;
  unsigned!: boolean;
  unsignedReason?: string | null;

  static drawUp(
    c: UrgentServiceCase,
    a: { number: string; fullName: string | null; provider: string; conditions: string; today: string; now: Date },
  ): UrgentServiceAct {
    const content: ActContent = {
      number: a.number,
      caseId: c.id,
      recipient: {
        citizenId: c.citizenId ?? null,
        fullName: a.fullName,
        identityDocument: c.identityDocument ?? null,
        anonymous: c.anonymous,
      },
      provider: a.provider,
      services: c.deliveries.map((d) => ({
        code: d.serviceCode,
        name: d.serviceName,
        quantity: d.quantity,
        unit: d.unit,
        deliveredOn: d.deliveredOn,
      })),
      conditions: a.conditions.trim() || 'бесплатно',
      drawnUpOn: a.today,
    };
    return Object.assign(new UrgentServiceAct(), {
      id: uuidv7(a.now.getTime()),
      caseId: c.id,
      citizenId: c.citizenId ?? null,
      number: a.number,
      content,
      contentHash: sha256(canonicalJson(content)),
      unsigned: false,
      unsignedReason: null,
    });
  }

  /** Verifies and records the recipient's signature; refuses a second one (immutability). */
  sign(a: { signatureBase64: string; shownActHash: string; signerName: string; now: Date }): void {
    if (this.signedAt)
      throw new ConflictError(
        'ACT_SIGNED',
        `act ${this.number} was signed on ${this.signedAt.toISOString()} and cannot be altered`,
        { rule: 'SIGNED_ACT_IMMUTABLE' },
      );
    if (a.shownActHash !== this.contentHash)
      throw new ValidationError(
        'input.shownActHash',
        'SIGNATURE_NOT_VERIFIED',
        'the signature is for a different text of the act',
      );
    let image: Buffer;
    try {
      image = Buffer.from(a.signatureBase64, 'base64');
    } catch {
      throw new ValidationError('input.signaturePng', 'SIGNATURE_NOT_VERIFIED', 'the signature is not base64');
    }
    if (image.length < MIN_SIGNATURE_BYTES || !image.subarray(0, 8).equals(PNG_MAGIC))
      throw new ValidationError(
        'input.signaturePng',
        'SIGNATURE_NOT_VERIFIED',
        'the signature must be a PNG image of the recipient’s signature',
      );
    if (!a.signerName.trim()) throw new ValidationError('input.signerName', 'REQUIRED', 'who signed');
    this.signatureImage = image;
    this.signatureSha256 = sha256(image);
    this.signerName = a.signerName.trim();
    this.signedAt = a.now;
  }

  /** Anonymous or phone help: the act stays without the recipient's signature, with the reason. */
  markUnsigned(reason: string): void {
    if (this.signedAt)
      throw new ConflictError('ACT_SIGNED', `act ${this.number} is signed by the recipient`, {
        rule: 'SIGNED_ACT_IMMUTABLE',
      });
    this.unsigned = true;
    this.unsignedReason = reason;
  }

  /** The exact text whose SHA-256 is `contentHash`: what a tablet shows and the recipient signs. */
  canonicalText(): string {
    return canonicalJson(this.content);
  }

  /** Re-checks a stored act: the content still hashes to its hash (tamper evidence). */
  verify(): boolean {
    return (
      sha256(this.canonicalText()) === this.contentHash &&
      (!this.signatureImage || sha256(this.signatureImage) === this.signatureSha256)
    );
  }
}
