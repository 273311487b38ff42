import { Client } from 'pg';

/** Direct SQL for assertions ("nothing written", outbox rows), independent of the service under test. */
export async function query<T = any>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export async function count(url: string, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await query<{ n: string }>(url, `select count(*)::text as n from ${table} where ${where}`, params);
  return Number(rows[0]!.n);
}
