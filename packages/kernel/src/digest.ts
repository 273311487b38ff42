import { createHash } from 'node:crypto';

/** SHA-256 as lowercase hex: pure computation, so the domain may call it through the kernel. */
export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
