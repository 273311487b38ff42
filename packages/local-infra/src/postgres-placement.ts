/**
 * Where the embedded PostgreSQL runs from, and as whom — pure decisions, so
 * every case is unit-tested without root or a second user.
 *
 * PostgreSQL refuses to run as root. When the launcher is root, the server
 * runs as an unprivileged user, and that user must reach the binaries and the
 * data directory: a clone in a private folder (mode 0700, as under /root) is
 * not reachable by anyone else. Then the binaries are copied into a runtime
 * folder every user can traverse, and the data lives there too, under a name
 * derived from the requested data directory, so the same clone finds the same
 * data after a restart.
 */

/** The OS user an embedded cluster runs as when the launcher is root. */
export const SERVER_USER = 'postgres';

export type ServerUser = { kind: 'self' } | { kind: 'existing'; uid: number } | { kind: 'create'; name: string };

export interface ServerUserFacts {
  isRoot: boolean;
  /** Owner of an existing cluster's data directory (PostgreSQL insists it runs as that owner). */
  dataOwnerUid?: number;
  /** uid of {@link SERVER_USER} when it exists. */
  serverUserUid?: number;
}

export function chooseServerUser(f: ServerUserFacts): ServerUser {
  if (!f.isRoot) return { kind: 'self' };
  if (f.dataOwnerUid !== undefined && f.dataOwnerUid !== 0) return { kind: 'existing', uid: f.dataOwnerUid };
  if (f.serverUserUid !== undefined) return { kind: 'existing', uid: f.serverUserUid };
  return { kind: 'create', name: SERVER_USER };
}

export interface PlacementFacts {
  isRoot: boolean;
  /** Which data directory already holds a cluster, if any. */
  existingData: 'requested' | 'relocated' | null;
  /** The server user can execute the binaries where npm installed them. */
  binariesReachable: boolean;
  /** The server user can traverse to the requested data directory's parent. */
  dataParentReachable: boolean;
}

export interface Placement {
  binaries: 'installed' | 'runtime-copy';
  data: 'requested' | 'relocated';
}

export function choosePlacement(f: PlacementFacts): Placement {
  if (!f.isRoot) return { binaries: 'installed', data: 'requested' };
  const binaries = f.binariesReachable ? 'installed' : 'runtime-copy';
  // A cluster that exists is used where it is: moving it silently would look like data loss.
  if (f.existingData) return { binaries, data: f.existingData };
  return { binaries, data: f.dataParentReachable ? 'requested' : 'relocated' };
}
