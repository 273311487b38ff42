import { EntitySchema } from '@mikro-orm/core';
import { commissionDecisionsV1, commissionInvitationV1, type MessageData } from '@sc/contracts';
import { unassignedTerritory } from '@sc/kernel';
import { handler, type MessageHandler } from '@sc/messaging';
import { listPage, type Connection, type PageArgs } from './connection';
import type { ServiceDeps } from './context';
import type { Read } from './read';

type Invitation = MessageData<typeof commissionInvitationV1>;
type Decisions = MessageData<typeof commissionDecisionsV1>;

/**
 * Приглашения на МВК a partner agency (ЦЗН, КЦСОН) received (M7): the
 * meeting, this agency's invited members and the agenda, then the record of
 * decisions. Kept so the members find their meetings in a list, not only on
 * the topic.
 */
export class MvkInvitationRecord {
  /** The meeting id (ЦСПН's). */
  id!: string;
  territory!: string;
  meetingDate!: string;
  place?: string | null;
  invited!: Invitation['invited'];
  agenda!: Invitation['agenda'];
  receivedAt!: Date;
  heldAt?: Date | null;
  attended?: Decisions['attended'] | null;
  decisions?: Decisions['decisions'] | null;
}

export const MvkInvitationSchema = new EntitySchema<MvkInvitationRecord>({
  class: MvkInvitationRecord,
  tableName: 'commission_invitation',
  properties: {
    id: { type: 'uuid', primary: true, fieldName: 'meeting_id' },
    territory: { type: 'string', length: 8, columnType: 'char(8)' },
    meetingDate: { type: 'date', columnType: 'date' },
    place: { type: 'string', columnType: 'text', nullable: true },
    invited: { type: 'json' },
    agenda: { type: 'json' },
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    heldAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    attended: { type: 'json', nullable: true },
    decisions: { type: 'json', nullable: true },
  },
});

export const COMMISSION_INVITATION_SQL: readonly string[] = [
  `create table commission_invitation (
     meeting_id uuid primary key,
     territory char(8) not null,
     meeting_date date not null,
     place text,
     invited jsonb not null,
     agenda jsonb not null,
     received_at timestamptz not null,
     held_at timestamptz,
     attended jsonb,
     decisions jsonb
   )`,
  `create index commission_invitation_territory_idx on commission_invitation (territory, meeting_date)`,
];

/**
 * Consumes M7: the invitation addressed to this agency (once per meeting; the
 * consumer passes over those addressed to the other partner), then its record
 * of decisions.
 */
export const commissionInvitationHandlers = (deps: ServiceDeps): MessageHandler[] => [
  handler({
    message: commissionInvitationV1,
    async handle(d, { em }) {
      if (await em.findOne(MvkInvitationRecord, { id: d.meetingId })) return;
      em.persist(
        Object.assign(new MvkInvitationRecord(), {
          id: d.meetingId,
          territory: d.territory ?? unassignedTerritory(deps.config.region),
          meetingDate: d.meetingDate,
          place: d.place ?? null,
          invited: d.invited,
          agenda: d.agenda,
          receivedAt: deps.clock.now(),
        }),
      );
      await em.flush();
    },
  }),
  handler({
    message: commissionDecisionsV1,
    // The record goes to every partner that sat on the commission; this agency keeps it if it was invited.
    async handle(d, { em }) {
      const inv = await em.findOne(MvkInvitationRecord, { id: d.meetingId });
      if (!inv) return;
      Object.assign(inv, { heldAt: new Date(d.heldAt), attended: d.attended, decisions: d.decisions });
      await em.flush();
    },
  }),
];

/** The agency's МВК invitations in the caller's territory, the latest meeting first; `upcoming` = not yet held. */
export const listMvkInvitations =
  (a: { upcoming?: boolean | null } & PageArgs): Read<Connection<ReturnType<typeof mvkInvitationView>>> =>
  async ({ em, inTerritory }) => {
    const page = await listPage(
      em,
      MvkInvitationRecord,
      { ...inTerritory, ...(a.upcoming ? { heldAt: null } : {}) },
      { list: 'mvkInvitations', sortBy: 'meetingDate', direction: 'desc' },
      a,
    );
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: mvkInvitationView(e.node) })) };
  };

export function mvkInvitationView(r: MvkInvitationRecord) {
  return {
    meetingId: r.id,
    territory: r.territory,
    meetingDate: r.meetingDate,
    place: r.place ?? null,
    invited: r.invited.map((p) => ({ name: p.name, position: p.position ?? null, agency: p.agency })),
    agenda: r.agenda.map((x) => ({
      programmeId: x.programmeId,
      citizen: { id: x.citizenId },
      direction: x.direction,
      termMonths: x.termMonths,
    })),
    heldAt: r.heldAt ?? null,
    attended: (r.attended ?? []).map((p) => ({ name: p.name, position: p.position ?? null, agency: p.agency })),
    decisions: (r.decisions ?? []).map((d) => ({
      programmeId: d.programmeId,
      decision: d.decision,
      reasons: d.reasons ?? null,
    })),
  };
}
