export default async function globalTeardown(): Promise<void> {
  const infra = globalThis.__SC_INFRA__;
  await Promise.allSettled([infra?.kafka?.stop(), infra?.pg?.stop()]);
}
