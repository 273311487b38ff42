import { EntitySchema } from '@mikro-orm/core';
import type { AccessRule } from '@sc/auth';
import {
  programmeAgreementAnsweredV1,
  programmeDraftForAgreementV1,
  type AssignedActivity,
  type MessageData,
} from '@sc/contracts';
import {
  checkAgreementAnswer,
  ConflictError,
  unassignedTerritory,
  type IsoDate,
  type ProgrammeAgreementAnswer,
  type ProgrammeAgreementDecision,
  type ProgrammeProposal,
} from '@sc/kernel';
import { handler, type MessageHandler } from '@sc/messaging';
import { SYSTEM_PRINCIPAL, writeAudit } from './audit';
import { findCase, inChange, type CaseContext } from './change';
import { columns, territoryColumn } from './columns';
import { listPage, type Connection, type PageArgs } from './connection';
import type { ServiceDeps } from './context';
import type { Read } from './read';

type Draft = MessageData<typeof programmeDraftForAgreementV1>;
type Partner = Draft['toAgency'];

/**
 * Проект ПСА на согласовании у партнёра (ЦЗН, КЦСОН): the activities ЦСПН
 * would have this agency carry out (M7, drafting), and the agency's answer —
 * agreed, or changes proposed. One row per programme holding its latest
 * revision: a redraft replaces the activities and reopens the answer; an
 * older revision arriving late changes nothing.
 */
export class ProgrammeDraftRecord {
  /** The programme id (ЦСПН's). */
  id!: string;
  revision!: number;
  applicationId!: string;
  citizenId!: string;
  /** ОКТМО of the district whose ЦСПН drafts it; this agency's office of that district answers. */
  territory!: string;
  direction!: string;
  termMonths!: number;
  plannedStart!: IsoDate;
  plannedEnd!: IsoDate;
  activities!: AssignedActivity[];
  answerBy!: IsoDate;
  receivedAt!: Date;
  status: 'PENDING' | ProgrammeAgreementDecision = 'PENDING';
  comment?: string | null;
  proposals: ProgrammeProposal[] = [];
  answeredBy?: string | null;
  answeredAt?: Date | null;
  version: number = 1;
}

const { text, date, json, instant, version, citizen } = columns;

export const ProgrammeDraftSchema = new EntitySchema<ProgrammeDraftRecord>({
  class: ProgrammeDraftRecord,
  tableName: 'programme_draft',
  properties: {
    id: { type: 'uuid', primary: true, fieldName: 'programme_id' },
    revision: { type: 'integer' },
    applicationId: { type: 'uuid' },
    citizenId: citizen(),
    territory: territoryColumn(),
    direction: text(),
    termMonths: { type: 'integer' },
    plannedStart: date(),
    plannedEnd: date(),
    activities: json(),
    answerBy: date(),
    receivedAt: instant(),
    status: text(),
    comment: text(true),
    proposals: json(),
    answeredBy: text(true),
    answeredAt: instant(true),
    version,
  },
});

export const PROGRAMME_DRAFT_SQL: readonly string[] = [
  `create table programme_draft (
     programme_id uuid primary key,
     revision integer not null,
     application_id uuid not null,
     citizen_id uuid not null references citizen (id) on update cascade,
     territory char(8) not null,
     direction text not null,
     term_months integer not null,
     planned_start date not null,
     planned_end date not null,
     activities jsonb not null,
     answer_by date not null,
     received_at timestamptz not null,
     status text not null,
     comment text,
     proposals jsonb not null default '[]',
     answered_by text,
     answered_at timestamptz,
     version integer not null default 1
   )`,
  `create index programme_draft_worklist_idx on programme_draft (territory, status, answer_by)`,
];

/**
 * Consumes M7 (drafting) for `agency`: registers the person as this agency's
 * (as M2 would) and keeps the draft's latest revision for an answer.
 */
export const programmeDraftHandlers = (deps: ServiceDeps, agency: Partner): MessageHandler[] => [
  handler({
    message: programmeDraftForAgreementV1,
    async handle(d, { em }) {
      const known = await em.findOne(ProgrammeDraftRecord, { id: d.programmeId });
      if (known && known.revision >= d.revision) return;
      const served = { said: d.territory, otherwise: unassignedTerritory(deps.config.region) };
      const { citizen } = await deps.directory.register(em, d.person, served, d.citizenId);
      const row = known ?? Object.assign(new ProgrammeDraftRecord(), { id: d.programmeId });
      Object.assign(row, {
        revision: d.revision,
        applicationId: d.applicationId,
        citizenId: citizen.id,
        territory: d.territory,
        direction: d.direction,
        termMonths: d.termMonths,
        plannedStart: d.plannedStart,
        plannedEnd: d.plannedEnd,
        activities: d.activities,
        answerBy: d.answerBy,
        receivedAt: deps.clock.now(),
        status: 'PENDING',
        comment: null,
        proposals: [],
        answeredBy: null,
        answeredAt: null,
      });
      em.persist(row);
      await em.flush();
      await writeAudit(em, SYSTEM_PRINCIPAL(agency, 'system:programme-drafts'), [
        {
          citizenId: citizen.id,
          operation: programmeDraftForAgreementV1.type,
          action: 'CHANGE',
          entity: 'ProgrammeDraft',
          entityId: row.id,
        },
      ]);
    },
  }),
];

/**
 * The agency's answer to the latest revision it holds: agreed, or changes
 * proposed with a comment; sent to ЦСПН (M7 reply) in the same commit. One
 * answer per revision — a second is a CONFLICT (a redraft reopens it).
 */
export function answerProgrammeDraft(
  ctx: CaseContext,
  a: { operation: string; rule: AccessRule; agency: Partner },
  i: { programmeId: string } & ProgrammeAgreementAnswer,
): Promise<ProgrammeDraftRecord> {
  return inChange(ctx, a.operation, a.rule, async (tx, c) => {
    const row = await findCase(tx, c, ProgrammeDraftRecord, i.programmeId, 'input.programmeId', 'ProgrammeDraft');
    const answer = checkAgreementAnswer(
      i,
      row.activities.map((x) => x.activityId),
    );
    if (row.status !== 'PENDING')
      throw new ConflictError('ALREADY_ANSWERED', `revision ${row.revision} was already answered: ${row.status}`, {
        rule: 'ONE_ANSWER_PER_REVISION',
        currentState: row.status,
        attemptedAction: a.operation,
      });
    Object.assign(row, {
      status: answer.decision,
      comment: answer.comment,
      proposals: answer.proposals,
      answeredBy: c.by,
      answeredAt: c.now,
    });
    await ctx.deps.outbox.enqueue(tx, programmeAgreementAnsweredV1, row.citizenId, {
      programmeId: row.id,
      revision: row.revision,
      citizenId: row.citizenId,
      fromAgency: a.agency,
      decision: answer.decision,
      comment: answer.comment ?? undefined,
      proposals: answer.proposals.map((p) => ({
        activityId: p.activityId ?? undefined,
        kind: (p.kind ?? undefined) as AssignedActivity['kind'] | undefined,
        description: p.description,
        dueDate: p.dueDate ?? undefined,
      })),
      answeredBy: c.by,
      answeredAt: c.now.toISOString(),
    });
    c.audit(row, 'ProgrammeDraft', row.id);
    return row;
  });
}

/** Drafts in the caller's territory, those due soonest first; `status` narrows (PENDING = the worklist). */
export const listProgrammeDrafts =
  (a: { status?: ProgrammeDraftRecord['status'] | null } & PageArgs): Read<Connection<ProgrammeDraftRecord>> =>
  ({ em, inTerritory }) =>
    listPage(
      em,
      ProgrammeDraftRecord,
      { ...inTerritory, ...(a.status ? { status: a.status } : {}) },
      { list: 'programmeDrafts', sortBy: 'answerBy', direction: 'asc' },
      a,
    );

/** One draft by its programme id (null if this agency holds none; territory checked by inRead). */
export const findProgrammeDraft =
  (programmeId: string): Read<ProgrammeDraftRecord | null> =>
  ({ em }) =>
    em.findOne(ProgrammeDraftRecord, { id: programmeId });

/** GraphQL shape of a draft: the citizen as a federation reference. */
export const programmeDraftFields = {
  programmeId: (r: ProgrammeDraftRecord) => r.id,
  citizen: (r: ProgrammeDraftRecord) => ({ id: r.citizenId }),
};
