import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This machine in a temporary file's name: 8 hex digits of a hash of its host name. A process id
 * says whether a temporary file's writer is gone only on the machine it ran on; on a folder shared
 * between machines the tag tells whose it is.
 */
export const hostTag = (): string => createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
