import { choosePlacement, chooseServerUser, SERVER_USER } from './postgres-placement';
import { explainFsFailure, explainServerFailure } from './startup-failure';

describe('who runs the embedded PostgreSQL', () => {
  it('an ordinary user runs it as themselves, whatever users exist', () => {
    expect(chooseServerUser({ isRoot: false, serverUserUid: 101 })).toEqual({ kind: 'self' });
    expect(chooseServerUser({ isRoot: false })).toEqual({ kind: 'self' });
  });

  it('root runs it as the existing postgres user', () => {
    expect(chooseServerUser({ isRoot: true, serverUserUid: 101 })).toEqual({ kind: 'existing', uid: 101 });
  });

  it('root creates the postgres user when it is missing', () => {
    expect(chooseServerUser({ isRoot: true })).toEqual({ kind: 'create', name: SERVER_USER });
  });

  it('an existing cluster runs as the owner of its data, even if another postgres user exists now', () => {
    expect(chooseServerUser({ isRoot: true, dataOwnerUid: 998, serverUserUid: 101 })).toEqual({
      kind: 'existing',
      uid: 998,
    });
    expect(chooseServerUser({ isRoot: true, dataOwnerUid: 998 })).toEqual({ kind: 'existing', uid: 998 });
  });

  it('a data directory owned by root does not make root the server user', () => {
    expect(chooseServerUser({ isRoot: true, dataOwnerUid: 0, serverUserUid: 101 })).toEqual({
      kind: 'existing',
      uid: 101,
    });
  });
});

describe('where the binaries and the data live', () => {
  const base = { isRoot: true, existingData: null, binariesReachable: true, dataParentReachable: true } as const;

  it('an ordinary user uses everything in place', () => {
    expect(choosePlacement({ ...base, isRoot: false, binariesReachable: false, dataParentReachable: false })).toEqual({
      binaries: 'installed',
      data: 'requested',
    });
  });

  it('root in a folder everyone can traverse uses everything in place', () => {
    expect(choosePlacement(base)).toEqual({ binaries: 'installed', data: 'requested' });
  });

  it('root in a private folder copies the binaries and relocates new data', () => {
    expect(choosePlacement({ ...base, binariesReachable: false, dataParentReachable: false })).toEqual({
      binaries: 'runtime-copy',
      data: 'relocated',
    });
  });

  it('an existing cluster stays where it is, so a restart finds its data', () => {
    expect(choosePlacement({ ...base, existingData: 'relocated', dataParentReachable: true })).toEqual({
      binaries: 'installed',
      data: 'relocated',
    });
    expect(choosePlacement({ ...base, existingData: 'requested', binariesReachable: false })).toEqual({
      binaries: 'runtime-copy',
      data: 'requested',
    });
  });
});

describe('start-up failures say what failed and what to do', () => {
  const ctx = { port: 54329, dataDir: '/x/pg' };

  it('a taken port names the port and the variable', () => {
    const e = explainServerFailure('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\n', ctx);
    expect(e.message).toBe(
      'PostgreSQL could not start: port 54329 is taken. Set EMBEDDED_PG_PORT to a free port, or stop the program that listens on 54329',
    );
    expect(e.message).not.toContain('\n');
  });

  it('a second server on the same data names the data directory', () => {
    const e = explainServerFailure(
      'FATAL:  lock file "postmaster.pid" already exists\nHINT: Is another postmaster running?',
      ctx,
    );
    expect(e.what).toBe('another PostgreSQL already runs on /x/pg');
  });

  it('an unknown failure keeps the server own last FATAL line', () => {
    const e = explainServerFailure('LOG: starting\nFATAL:  invalid value for parameter "max_connections"\n', ctx);
    expect(e.what).toBe('invalid value for parameter "max_connections"');
  });

  it('a read-only folder names the folder and the variable to change', () => {
    const err = Object.assign(new Error('EROFS'), { code: 'EROFS' });
    expect(explainFsFailure(err, '/ro/.data', 'EMBEDDED_PG_DATA_DIR').message).toBe(
      'PostgreSQL could not start: cannot create /ro/.data (read-only file system). Set EMBEDDED_PG_DATA_DIR to a writable folder',
    );
  });
});
