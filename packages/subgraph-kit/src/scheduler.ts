import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { PgBoss, type Job, type JobWithMetadata } from 'pg-boss';
import { regionTimeZone } from '@sc/kernel';
import { execInTx, SCHEDULER_DEAD_LETTERS } from '@sc/messaging';
import type { Logger } from '@sc/runtime';
import type { ServiceDeps } from './context';

/**
 * A timed check of a service (issue 13): what is due as of the service's
 * clock is found and acted on. Checks are scans, not timers per case, so
 * running one twice, late or after the acceptance clock jumped does the
 * right thing; each effect is made once through `once()` (an effect key per
 * case and deadline, in the same transaction as the effect).
 */
export interface ScheduledJob {
  /** Queue name, `<service>.<what>` (letters, digits, dots, dashes). */
  name: string;
  /** Cron in the region's time zone, e.g. `0 9 * * *` (09:00 local). */
  cron: string;
  run(ctx: JobContext): Promise<void>;
  /** Tries after the first before the dead-letter store; default 3, 10 s apart and doubling. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface JobContext {
  deps: ServiceDeps;
  log: Logger;
  now: Date;
  /** Runs `effect` in a transaction unless an effect with this key was made already by this job. */
  once(key: string, effect: (em: EntityManager) => Promise<void>): Promise<boolean>;
}

/** The queue whose jobs are the scheduler's dead letters: a worker copies each into the dead-letter store. */
const DEAD_LETTERS = 'scheduler.dead-letters';

/**
 * pg-boss on the service's own database (schema `pgboss`): jobs survive a
 * restart, a job runs on one replica however many there are (SKIP LOCKED),
 * retries back off, and a job that failed its last try lands in the
 * service's dead-letter store with its error, beside the messages'.
 */
export class Scheduler {
  private boss?: PgBoss;

  constructor(
    private readonly o: {
      databaseUrl: string;
      jobs: ScheduledJob[];
      deps: ServiceDeps;
      log: Logger;
      /** How often an idle worker looks for work (pg-boss' minimum is 0.5 s). */
      pollingIntervalSeconds?: number;
      /** A run still active after this long belonged to a killed process: it is failed and retried. */
      expireInSeconds?: number;
    },
  ) {}

  /** Started and not stopped: the service's readiness waits for it. */
  get running(): boolean {
    return this.boss !== undefined;
  }

  get jobNames(): string[] {
    return this.o.jobs.map((j) => j.name);
  }

  async start(): Promise<void> {
    const expireInSeconds = this.o.expireInSeconds ?? 600;
    const boss = new PgBoss({
      connectionString: this.o.databaseUrl,
      schema: 'pgboss',
      max: 3,
      // How often pg-boss looks for runs past their expiry (a process killed mid-run) to retry them.
      superviseIntervalSeconds: Math.max(1, Math.min(60, expireInSeconds)),
    });
    boss.on('error', (err) => this.o.log.error({ err }, 'scheduler error'));
    await boss.start();
    this.boss = boss;
    await boss.createQueue(DEAD_LETTERS);
    await boss.work(DEAD_LETTERS, { includeMetadata: true }, (jobs) => this.storeDeadLetters(jobs));
    const polling = { pollingIntervalSeconds: this.o.pollingIntervalSeconds ?? 2 };
    for (const j of this.o.jobs) {
      await boss.createQueue(j.name, {
        retryLimit: j.retryLimit ?? 3,
        retryDelay: j.retryDelaySeconds ?? 10,
        retryBackoff: true,
        deadLetter: DEAD_LETTERS,
        expireInSeconds,
        // A run is one scan: two at once would only race for the same effects.
        policy: 'singleton',
      });
      await boss.schedule(j.name, j.cron, {}, { tz: regionTimeZone() });
      await boss.work(j.name, polling, async ([job]) => this.run(j, job!));
    }
  }

  /** Queues a run now (the acceptance clock after it moved, an operator, tests); resolves with the job id. */
  async runNow(name: string): Promise<string> {
    if (!this.boss) throw new Error('the scheduler is not running');
    if (!this.jobNames.includes(name)) throw new Error(`no scheduled job ${name}`);
    return (await this.boss.send(name, { requestedAt: new Date().toISOString() }))!;
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
    this.boss = undefined;
  }

  private async run(j: ScheduledJob, job: Job<unknown>): Promise<void> {
    const { deps } = this.o;
    const log = this.o.log.child({ job: j.name, jobId: job.id });
    const once = async (key: string, effect: (em: EntityManager) => Promise<void>) => {
      let made = false;
      await deps.orm.em.fork().transactional(async (em) => {
        const r = await execInTx<{ affectedRows?: number }>(
          em,
          'insert into scheduled_effect (job, key) values (?, ?) on conflict do nothing',
          [j.name, key],
          'run',
        );
        if (!r.affectedRows) return;
        await effect(em);
        made = true;
      });
      if (made) deps.outbox.committed();
      return made;
    };
    await j.run({ deps, log, now: deps.clock.now(), once });
    log.debug('scheduled job done');
  }

  /** A job out of tries: into the dead-letter store, where `npm run dlq` lists it with the messages'. */
  private async storeDeadLetters(jobs: JobWithMetadata<unknown>[]): Promise<void> {
    const conn = this.o.deps.orm.em.fork().getConnection();
    for (const job of jobs) {
      const name = job.sourceName ?? 'scheduler';
      const error = JSON.stringify(job.sourceOutput ?? null).slice(0, 4000);
      await conn.execute(
        `insert into dead_letter (id, consumer, message_id, type, topic, partition, "offset", key, headers, payload,
                                  error_code, error, attempts)
         values (?, ?, ?, ?, 'scheduler', 0, '0', ?, '{}', ?, 'JOB_FAILED', ?, ?)
         on conflict do nothing`,
        [
          randomUUID(),
          SCHEDULER_DEAD_LETTERS,
          job.sourceId ?? job.id,
          name,
          name,
          JSON.stringify(job.data ?? {}),
          error,
          (job.sourceRetryCount ?? 0) + 1,
        ],
      );
      this.o.log.error({ job: name, jobId: job.sourceId }, 'scheduled job failed its last try: dead-lettered');
    }
  }
}
