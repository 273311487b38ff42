import { eventually } from './helpers';
import { query } from './sql';

/** Runs a service's scheduled job now and waits until pg-boss records it completed (or failed); returns that state. */
export async function runJob(
  svc: { scheduler?: { runNow(name: string): Promise<string> } },
  db: string,
  name: string,
): Promise<string> {
  if (!svc.scheduler) throw new Error('the service has no scheduler');
  const id = await svc.scheduler.runNow(name);
  return eventually(async () => {
    const [row] = await query(db, `select state from pgboss.job where id = $1`, [id]);
    return row && ['completed', 'failed'].includes(row.state) ? (row.state as string) : undefined;
  }, 20_000);
}

/** The notification.deadline.v1 messages a service staged about one case. */
export async function deadlineNotices(db: string, caseId: string): Promise<Array<Record<string, any>>> {
  const rows = await query(db, `select key, payload from outbox_message where type = 'notification.deadline.v1'`);
  return rows.map((r) => ({ key: r.key, ...JSON.parse(r.payload) })).filter((n) => n.caseId === caseId);
}
