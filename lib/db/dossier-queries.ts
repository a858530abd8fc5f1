import { and, asc, desc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { preparedPer, type Db, type Executor } from "./client";
import { citizens, dataAccessLog, deepLinks, delegations, dossierEvents, dossierParties, dossiers, payments, ratings, smsOutbox } from "./schema";
import { parentReviewFrom, type ParentResponseView, type ParentReview } from "../dossiers/parent-review";
import type { Status } from "../dossiers/status";
import { delegationCovers } from "./delegation-queries";
import * as clock from "../clock";

export type DossierRow = typeof dossiers.$inferSelect;
/** A party's role, or "delegate": a relative acting on it through the owner's grant (lib/dossiers/delegation.ts). */
export type PartyRole = "owner" | "co-parent" | "delegate";
export interface CitizenDossier extends Omit<DossierRow, "status"> {
  status: Status;
  role: PartyRole;
}

const selection = { dossier: dossiers, role: dossierParties.role };

function toCitizenDossier(row: { dossier: DossierRow; role: PartyRole }): CitizenDossier {
  return { ...row.dossier, status: row.dossier.status as Status, role: row.role };
}

const listStatement = preparedPer((db) =>
  db
    .select(selection)
    .from(dossiers)
    .innerJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, sql.placeholder("citizenId"))))
    .orderBy(desc(dossiers.createdAt), desc(dossiers.code))
    .prepare("dossier_list_v1"),
);

/** Every dossier the citizen is a party to, newest first. */
export async function listDossiersFor(db: Db, citizenId: string): Promise<CitizenDossier[]> {
  return (await listStatement(db).execute({ citizenId })).map(toCitizenDossier);
}

const partyStatement = preparedPer((db) =>
  db.select({ id: dossierParties.dossierId }).from(dossierParties).where(eq(dossierParties.citizenId, sql.placeholder("citizenId"))).prepare("dossier_ids_v1"),
);

/** The ids of the dossiers the citizen is a party to (the status stream's filter). */
export async function dossierIdsFor(db: Db, citizenId: string): Promise<Set<string>> {
  return new Set((await partyStatement(db).execute({ citizenId })).map((r) => r.id));
}

/**
 * The dossiers a relative's live grant lets the citizen follow now, and when the first of those grants
 * ends (ms since epoch): the status stream sends their changes too, and closes then.
 */
export async function delegatedStreamScope(db: Executor, delegateId: string, now: Date): Promise<{ ids: Set<string>; endsAt: number | null }> {
  // The same reach as delegationCovers(), per dossier with its latest-ending grant.
  const rows = await db
    .select({ id: dossiers.id, endsAt: sql<string | Date>`max(${delegations.endsAt})` })
    .from(delegations)
    .innerJoin(
      dossiers,
      and(eq(dossiers.ownerId, delegations.grantorId), or(eq(dossiers.id, delegations.dossierId), eq(dossiers.serviceCode, delegations.serviceCode))),
    )
    .where(and(eq(delegations.delegateId, delegateId), isNull(delegations.revokedAt), gt(delegations.endsAt, now)))
    .groupBy(dossiers.id);
  const ends = rows.map((r) => new Date(r.endsAt).getTime());
  return { ids: new Set(rows.map((r) => r.id)), endsAt: ends.length > 0 ? Math.min(...ends) : null };
}

/** Whether a live grant still covers every one of these dossiers for the delegate (a revocation ends the stream). */
export async function delegationsStillHold(db: Executor, delegateId: string, dossierIds: ReadonlySet<string>, now: Date): Promise<boolean> {
  if (dossierIds.size === 0) return true;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(and(inArray(dossiers.id, [...dossierIds]), delegationCovers(delegateId, now.toISOString())));
  return row?.n === dossierIds.size;
}

const homeStatement = preparedPer((db) =>
  db
    .select({ fullName: citizens.fullName, dossier: dossiers, role: dossierParties.role })
    .from(citizens)
    .leftJoin(dossierParties, eq(dossierParties.citizenId, citizens.id))
    .leftJoin(dossiers, eq(dossiers.id, dossierParties.dossierId))
    .where(eq(citizens.id, sql.placeholder("citizenId")))
    .orderBy(desc(dossiers.createdAt), desc(dossiers.code))
    .prepare("citizen_home_v1"),
);

/** The citizen's name and every dossier they are a party to, newest first, in one statement (the home page). */
export async function homeFor(db: Db, citizenId: string): Promise<{ fullName: string | undefined; dossiers: CitizenDossier[] }> {
  const rows = await homeStatement(db).execute({ citizenId });
  return {
    fullName: rows[0]?.fullName,
    dossiers: rows.flatMap((r) => (r.dossier && r.role ? [toCitizenDossier({ dossier: r.dossier, role: r.role })] : [])),
  };
}

/**
 * A dossier by its code, only if the citizen is a party to it: anyone else gets undefined. With
 * `delegated`, also a dossier the citizen holds a live grant over (role "delegate"); only the reads and
 * actions a delegate may do ask for that.
 */
export async function findDossierFor(
  db: Executor,
  citizenId: string,
  code: string,
  opts: { delegated?: boolean } = {},
): Promise<CitizenDossier | undefined> {
  const [row] = await db
    .select(selection)
    .from(dossiers)
    .innerJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, citizenId)))
    .where(eq(dossiers.code, code));
  if (row || !opts.delegated) return row && toCitizenDossier(row);
  const [delegated] = await db
    .select({ dossier: dossiers })
    .from(dossiers)
    .where(and(eq(dossiers.code, code), delegationCovers(citizenId, clock.now().toISOString())));
  return delegated && toCitizenDossier({ dossier: delegated.dossier, role: "delegate" });
}

export type DossierEvent = typeof dossierEvents.$inferSelect;
/** How a citizen's action reached the dossier when not by their own hand (lib/dossiers/acting.ts). */
export type EventVia =
  | { channel: "assisted"; officer: string; officerName: string; ward: string }
  | { channel: "delegate"; onBehalfOf: string };
/** What a timeline shows of an event. */
export type TimelineEvent = Pick<DossierEvent, "id" | "kind" | "toStatus" | "actorKind" | "note" | "at" | "data"> & {
  actorName: string | null;
  via?: EventVia | null;
};

export async function eventsOf(db: Executor, dossierId: string): Promise<(DossierEvent & { actorName: string | null; via: EventVia | null })[]> {
  const rows = await db
    .select({ event: dossierEvents, actorName: citizens.fullName })
    .from(dossierEvents)
    .leftJoin(citizens, and(eq(dossierEvents.actorKind, "citizen"), eq(citizens.id, dossierEvents.actorId)))
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.id));
  return rows.map((r) => ({ ...r.event, actorName: r.actorName, via: (r.event.data?.via as EventVia | undefined) ?? null }));
}

const isoUtc = (timestamp: SQL) => sql`to_char(${timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const statusStatement = preparedPer((db) =>
  db
    .select({
      revoked: sql<boolean>`EXISTS (SELECT 1 FROM revoked_sessions WHERE jti = ${sql.placeholder("sid")})`,
      statusJson: sql<string | null>`(SELECT json_build_object(
        'code', d.code, 'serviceCode', d.service_code, 'status', d.status, 'version', d.version,
        'confirmDeadline', d.confirm_deadline, 'slaDueDate', d.sla_due_date, 'updatedAt', ${isoUtc(sql`d.updated_at`)},
        'events', COALESCE((
          SELECT json_agg(json_build_object('status', e.to_status, 'kind', e.kind, 'at', ${isoUtc(sql`e.at`)}) ORDER BY e.id)
          FROM dossier_events e WHERE e.dossier_id = d.id), '[]'::json))::text
        FROM dossiers d
        WHERE d.code = ${sql.placeholder("code")}
          AND (EXISTS (SELECT 1 FROM dossier_parties p WHERE p.dossier_id = d.id AND p.citizen_id = ${sql.placeholder("citizenId")})
            OR EXISTS (SELECT 1 FROM delegations g WHERE g.delegate_id = ${sql.placeholder("citizenId")} AND g.grantor_id = d.owner_id
              AND g.revoked_at IS NULL AND g.ends_at > (${sql.placeholder("now")})::timestamptz
              AND (g.dossier_id = d.id OR g.service_code = d.service_code))))`,
    })
    .from(sql`(VALUES (1)) AS one (x)`)
    .prepare("dossier_status_v2"),
);

/**
 * Whether the session was signed out, and the status JSON (a `DossierStatusJson`) as text ready to
 * send, in one prepared statement: the app polls it, and planning costs several times what running does.
 */
export async function dossierStatusFor(
  db: Db,
  who: { citizenId: string; sid: string },
  code: string | null,
): Promise<{ revoked: boolean; statusJson: string | null }> {
  const [row] = await statusStatement(db).execute({ sid: who.sid, citizenId: who.citizenId, code, now: clock.now().toISOString() });
  return row!;
}

export type DataAccessRow = typeof dataAccessLog.$inferSelect & { dossierCode: string | null };
/** What the data-access list shows of a row. */
export type AccessEntry = Pick<DataAccessRow, "id" | "agency" | "dataset" | "purpose" | "at" | "dossierCode">;

/** Which agency read which of the citizen's records, and for which dossier. */
export async function dataAccessFor(db: Executor, citizenId: string, dossierId?: string): Promise<DataAccessRow[]> {
  const rows = await db
    .select({ access: dataAccessLog, dossierCode: dossiers.code })
    .from(dataAccessLog)
    .leftJoin(dossiers, eq(dossiers.id, dataAccessLog.dossierId))
    .where(
      dossierId
        ? and(eq(dataAccessLog.citizenId, citizenId), eq(dataAccessLog.dossierId, dossierId))
        : eq(dataAccessLog.citizenId, citizenId),
    )
    .orderBy(desc(dataAccessLog.at), asc(dataAccessLog.id));
  return rows.map((r) => ({ ...r.access, dossierCode: r.dossierCode }));
}

export async function findCitizen(db: Executor, id: string) {
  const [row] = await db.select().from(citizens).where(eq(citizens.id, id));
  return row;
}

/** Text messages sent to the citizen's own phone, newest first. */
export async function messagesFor(db: Executor, citizenId: string) {
  return db
    .select({ id: smsOutbox.id, body: smsOutbox.body, createdAt: smsOutbox.createdAt, dossierCode: dossiers.code })
    .from(smsOutbox)
    .innerJoin(citizens, eq(citizens.phone, smsOutbox.phone))
    .leftJoin(dossiers, eq(dossiers.id, smsOutbox.dossierId))
    .where(eq(citizens.id, citizenId))
    .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id));
}

/** The dossier code a deep link points to, only for a party of that dossier. */
export async function deepLinkTargetFor(db: Executor, citizenId: string, linkCode: string): Promise<string | undefined> {
  const [row] = await db
    .select({ code: dossiers.code })
    .from(deepLinks)
    .innerJoin(dossiers, eq(dossiers.id, deepLinks.dossierId))
    .innerJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, citizenId)))
    .where(eq(deepLinks.code, linkCode));
  return row?.code;
}

/** What the public verification page may know of a result: no names, no ids, no address finer than the commune. */
export async function findByVerifyCode(db: Executor, verifyCode: string) {
  const [row] = await db
    .select({
      serviceCode: dossiers.serviceCode,
      status: dossiers.status,
      resultAt: dossiers.resultAt,
      code: dossiers.code,
      result: dossiers.result,
      commune: sql<string | null>`${dossiers.prefilled}->>'commune'`,
    })
    .from(dossiers)
    .where(eq(dossiers.verifyCode, verifyCode));
  return row;
}

/** A renewal's temporary validity proof by its QR code: public, so it carries no personal data. */
export async function findByProvisionalCode(db: Executor, provisionalCode: string) {
  const [row] = await db
    .select({ serviceCode: dossiers.serviceCode, status: dossiers.status, code: dossiers.code, provisionalCode: dossiers.provisionalCode, prefilled: dossiers.prefilled })
    .from(dossiers)
    .where(eq(dossiers.provisionalCode, provisionalCode));
  return row;
}

/** What the fee panel shows of the dossier's latest payment order. */
export type PagePayment = Pick<typeof payments.$inferSelect, "status" | "receiptNo" | "createdAt" | "paidAt">;

export interface DossierPage {
  dossier: CitizenDossier;
  events: TimelineEvent[];
  access: AccessEntry[];
  matchCode: string | null;
  ownerName: string | null;
  ratingScore: number | null;
  /** The latest payment order (a delegate's page shows only whether the fee is still due). */
  payment: PagePayment | undefined;
  /** The second-parent rule's state; null without a window, and for a delegate (the answer is the parents'). */
  parentReview: ParentReview | null;
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

// Of an event's data the citizen's page gets only what the timeline shows: how and which step, the line
// reported or corrected and its new value, the desk chosen, the postal tracking number.
const pageEventFields = ["channel", "step", "field", "to", "commune"] as const;

function pageEventDataSql(data: SQL): SQL {
  return sql`json_build_object(${sql.join(
    pageEventFields.map((k) => sql`${sql.raw(`'${k}'`)}, ${data}->>${sql.raw(`'${k}'`)}`),
    sql`, `,
  )}, 'result', json_build_object('postalTrackingNo', ${data}->'result'->>'postalTrackingNo'))`;
}

/** The same projection in JavaScript, for a caller holding an event's whole data. */
export function pageEventData(data: Record<string, unknown> | null): Record<string, unknown> {
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  const result = data?.result as Record<string, unknown> | undefined;
  return {
    ...Object.fromEntries(pageEventFields.map((k) => [k, text(data?.[k])])),
    result: { postalTrackingNo: text(result?.postalTrackingNo) },
  };
}

const pageStatement = preparedPer((db) =>
  db
    .select({
      dossier: dossiers,
      role: sql<PartyRole>`COALESCE(${dossierParties.role}, 'delegate')`,
      events: sql<Json<TimelineEvent>[]>`COALESCE((
        SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'toStatus', e.to_status, 'actorKind', e.actor_kind,
          'actorName', c.full_name, 'note', e.note, 'at', e.at, 'data', ${pageEventDataSql(sql`e.data`)}, 'via', e.data->'via') ORDER BY e.id)
        FROM dossier_events e LEFT JOIN citizens c ON e.actor_kind = 'citizen' AND c.id = e.actor_id
        WHERE e.dossier_id = ${dossiers.id}), '[]'::json)`,
      access: sql<Json<AccessEntry>[]>`COALESCE((
        SELECT json_agg(json_build_object('id', a.id, 'agency', a.agency, 'dataset', a.dataset, 'purpose', a.purpose,
          'at', a.at, 'dossierCode', ${dossiers.code}) ORDER BY a.at DESC, a.id)
        FROM data_access_log a WHERE a.citizen_id = ${dossierParties.citizenId} AND a.dossier_id = ${dossiers.id}), '[]'::json)`,
      matchCode: sql<string | null>`(SELECT ${deepLinks.matchCode} FROM ${deepLinks} WHERE ${deepLinks.dossierId} = ${dossiers.id})`,
      ownerName: sql<string | null>`(SELECT ${citizens.fullName} FROM ${citizens} WHERE ${citizens.id} = ${dossiers.ownerId})`,
      ratingScore: sql<number | null>`(SELECT ${ratings.score} FROM ${ratings} WHERE ${ratings.dossierId} = ${dossiers.id})`,
      payment: sql<Json<PagePayment> | null>`(SELECT json_build_object('status', p.status, 'receiptNo', p.receipt_no, 'createdAt', p.created_at, 'paidAt', p.paid_at)
        FROM payments p WHERE p.dossier_id = ${dossiers.id} ORDER BY p.id DESC LIMIT 1)`,
      parentParties: sql<{ id: string; name: string }[] | null>`CASE WHEN ${dossiers.objectionUntil} IS NOT NULL THEN (
        SELECT json_agg(json_build_object('id', c.id, 'name', c.full_name) ORDER BY c.id)
        FROM dossier_parties dp JOIN citizens c ON c.id = dp.citizen_id WHERE dp.dossier_id = ${dossiers.id}) END`,
      // The answer to the latest submission (lib/dossiers/objections.ts answerToSubmission).
      parentResponse: sql<Json<ParentResponseView> | null>`CASE WHEN ${dossiers.objectionUntil} IS NOT NULL THEN (
        SELECT json_build_object('answer', r.answer, 'reason', r.reason, 'citizenId', r.citizen_id, 'settledAt', r.settled_at, 'settlement', r.settlement)
        FROM parent_responses r WHERE r.submission_event_id = (
          SELECT max(e.id) FROM dossier_events e WHERE e.dossier_id = ${dossiers.id} AND e.kind = 'status' AND e.to_status = 'submitted')) END`,
    })
    .from(dossiers)
    .leftJoin(dossierParties, and(eq(dossierParties.dossierId, dossiers.id), eq(dossierParties.citizenId, sql.placeholder("citizenId"))))
    .where(
      and(
        eq(dossiers.code, sql.placeholder("code")),
        sql`(${dossierParties.citizenId} IS NOT NULL OR ${delegationCovers(sql.placeholder("citizenId"), sql.placeholder("now"))})`,
      ),
    )
    .prepare("dossier_page_v3"),
);

/**
 * Everything the citizen's dossier page shows (its fee order and the other parent's window too), in one prepared statement: a round trip to the
 * database costs more here than the rendering does. Another citizen's code finds nothing, unless the
 * owner granted this citizen that dossier or its service (role "delegate"; the data-access list, which
 * is the owner's, then stays empty).
 */
export async function dossierPageFor(db: Db, citizenId: string, code: string): Promise<DossierPage | undefined> {
  const [row] = await pageStatement(db).execute({ citizenId, code, now: clock.now().toISOString() });
  if (!row) return undefined;
  const dossier = toCitizenDossier(row);
  const party = dossier.role !== "delegate";
  const date = (v: string | null) => (v === null ? null : new Date(v));
  const response = row.parentResponse ? { ...row.parentResponse, settledAt: date(row.parentResponse.settledAt) } : undefined;
  return {
    dossier,
    events: row.events.map((e) => ({ ...e, at: new Date(e.at) })),
    access: row.access.map((a) => ({ ...a, at: new Date(a.at) })),
    matchCode: row.matchCode,
    ownerName: row.ownerName,
    ratingScore: row.ratingScore,
    payment: row.payment ? { ...row.payment, createdAt: new Date(row.payment.createdAt), paidAt: date(row.payment.paidAt) } : undefined,
    parentReview: party ? parentReviewFrom(dossier, row.parentParties ?? [], response) : null,
  };
}

/** The last change a citizen made to a dossier, as a stale edit's conflict shows it. */
export interface LatestCitizenChange {
  at: string;
  /** The change came from this same citizen (another tab or phone), not the other party. */
  byYou: boolean;
  byName: string | null;
  status: Status;
  values: Record<string, string>;
}

/** Who last amended or submitted the dossier, when, and the answers it now holds. */
export async function latestCitizenChange(db: Executor, dossierId: string, citizenId: string): Promise<LatestCitizenChange | undefined> {
  const [row] = await db
    .select({ at: dossierEvents.at, actorId: dossierEvents.actorId, actorName: citizens.fullName, status: dossiers.status, data: dossiers.citizenData })
    .from(dossierEvents)
    .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
    .leftJoin(citizens, eq(citizens.id, dossierEvents.actorId))
    .where(and(eq(dossierEvents.dossierId, dossierId), eq(dossierEvents.actorKind, "citizen")))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  if (!row) return undefined;
  const values = Object.fromEntries(Object.entries(row.data ?? {}).map(([k, v]) => [k, String(v)]));
  return { at: row.at.toISOString(), byYou: row.actorId === citizenId, byName: row.actorName, status: row.status as Status, values };
}
