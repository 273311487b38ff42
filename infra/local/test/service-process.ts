import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '@sc/testing';
import { NODE_FLAGS } from '../src/supervisor';

const ROOT = join(__dirname, '..', '..', '..');

/** A service as its own process from its real main.ts (as the supervisor starts it), once it answers /ready. */
export async function startServiceProcess(entry: string, env: NodeJS.ProcessEnv, port: string): Promise<ChildProcess> {
  const c = spawn(process.execPath, [...NODE_FLAGS, entry], { cwd: ROOT, env, stdio: 'ignore' });
  await eventually(async () => (await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined))?.ok, 60_000, 200);
  return c;
}
