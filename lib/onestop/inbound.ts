import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { dossiers, onestopLinks, onestopStatusUpdates } from "../db/schema";
import { dossierCodeSchema } from "../dossiers/code";
import { findDossierForAgency, type Desk } from "../db/officer-queries";
import { canTransition, statusSchema } from "../dossiers/status";
import { transition } from "../dossiers/transition";
import { onestopStatuses } from "./adapter";
import * as clock from "../clock";

/** A status change the One-Stop system sends back (POST /api/gov/onestop/status). */
export const statusCallback = z.object({
  // Unique per change on their side: a callback delivered twice is recorded once.
  eventId: z.string().trim().min(1).max(100),
  onestopId: z.string().trim().min(1).max(100),
  dossierCode: dossierCodeSchema,
  status: z.enum(onestopStatuses),
  officer: z.string().trim().max(100).optional(),
  note: z.string().trim().max(1000).optional(),
});

export type StatusCallback = z.infer<typeof statusCallback>;

export type CallbackOutcome =
  | { kind: "invalid"; fields: Record<string, string> }
  | { kind: "unknown" }
  | { kind: "recorded"; outcome: "applied" | "in_sync" | "conflict"; duplicate: boolean };

/**
 * Records a One-Stop status once and acts on it in the same transaction. A status our lifecycle allows
 * from where the dossier is now goes through transition() as the centre officer's step; the one we
 * already hold is in sync; anything else (or a step transition() refuses) is a conflict an officer sees.
 */
export async function receiveOneStopStatus(db: Db, body: unknown, opts: ApplyOptions): Promise<CallbackOutcome> {
  const parsed = statusCallback.safeParse(body);
  if (!parsed.success) {
    return { kind: "invalid", fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.message])) };
  }
  return applyOneStopStatus(db, parsed.data, opts);
}

interface ApplyOptions {
  today: string;
  origin: string;
  /** When we heard it: the reconciliation asks again only after a quiet spell from here. */
  now?: Date;
}

/**
 * The one path for a One-Stop status, whether it came by callback or by asking (reconcile.ts): the
 * event id makes it count once, however many times and ways it arrives.
 */
export async function applyOneStopStatus(db: Db, cb: StatusCallback, opts: ApplyOptions): Promise<Exclude<CallbackOutcome, { kind: "invalid" }>> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ dossierId: onestopLinks.dossierId })
      .from(onestopLinks)
      .innerJoin(dossiers, eq(dossiers.id, onestopLinks.dossierId))
      .where(and(eq(onestopLinks.onestopId, cb.onestopId), eq(dossiers.code, cb.dossierCode)));
    // Not linked yet (their answer to our submission is still on its way): they retry, nothing is lost.
    if (!link) return { kind: "unknown" } as const;
    const heardAt = opts.now ?? clock.now();
    await tx.update(onestopLinks).set({ checkedAt: heardAt }).where(eq(onestopLinks.dossierId, link.dossierId));
    const inserted = await tx
      .insert(onestopStatusUpdates)
      .values({ eventId: cb.eventId, dossierId: link.dossierId, status: cb.status, outcome: "in_sync", receivedAt: heardAt })
      .onConflictDoNothing()
      .returning({ eventId: onestopStatusUpdates.eventId });
    if (inserted.length === 0) {
      const [seen] = await tx.select({ outcome: onestopStatusUpdates.outcome }).from(onestopStatusUpdates).where(eq(onestopStatusUpdates.eventId, cb.eventId));
      return { kind: "recorded", outcome: seen!.outcome, duplicate: true } as const;
    }
    const [dossier] = await tx.select({ status: dossiers.status, version: dossiers.version }).from(dossiers).where(eq(dossiers.id, link.dossierId)).for("update");
    const ours = statusSchema.parse(dossier!.status);
    let outcome: "applied" | "in_sync" | "conflict" = "in_sync";
    let detail: string | null = null;
    if (ours !== cb.status) {
      if (canTransition(ours, cb.status, "officer")) {
        const result = await transition(tx, {
          dossierId: link.dossierId,
          version: dossier!.version,
          to: cb.status,
          actor: { kind: "officer", id: `onestop:${cb.officer ?? "?"}` },
          today: opts.today,
          origin: opts.origin,
          note: cb.note ?? null,
          eventData: { onestopEventId: cb.eventId },
        });
        outcome = result.ok ? "applied" : "conflict";
        if (!result.ok) detail = `ours=${ours}; refused: ${result.error === "held" ? result.hold : result.error}`;
      } else {
        outcome = "conflict";
        detail = `ours=${ours}`;
      }
    }
    await tx.update(onestopStatusUpdates).set({ outcome, detail }).where(eq(onestopStatusUpdates.eventId, cb.eventId));
    return { kind: "recorded", outcome, duplicate: false } as const;
  });
}

/** The One-Stop statuses that conflict with ours and no officer has looked at yet. */
export async function openConflicts(db: Db, dossierId: string) {
  return db
    .select({ eventId: onestopStatusUpdates.eventId, status: onestopStatusUpdates.status, detail: onestopStatusUpdates.detail, receivedAt: onestopStatusUpdates.receivedAt })
    .from(onestopStatusUpdates)
    .where(and(eq(onestopStatusUpdates.dossierId, dossierId), eq(onestopStatusUpdates.outcome, "conflict"), isNull(onestopStatusUpdates.resolvedAt)))
    .orderBy(asc(onestopStatusUpdates.receivedAt));
}

/**
 * An officer marks a conflict as seen and handled (e.g. after calling the centre); the dossier is
 * unchanged. Only a desk whose queue shows the dossier may: its agency, and a commune desk's own centre.
 */
export async function resolveConflict(db: Db, officer: Desk & { username: string }, dossierCode: string, eventId: string): Promise<"resolved" | "not_open" | "not_found"> {
  const found = await findDossierForAgency(db, officer, dossierCode);
  if (!found) return "not_found";
  const dossierId = found.dossier.id;
  const rows = await db
    .update(onestopStatusUpdates)
    .set({ resolvedAt: clock.now(), resolvedBy: officer.username })
    .where(and(eq(onestopStatusUpdates.eventId, eventId), eq(onestopStatusUpdates.dossierId, dossierId), eq(onestopStatusUpdates.outcome, "conflict"), isNull(onestopStatusUpdates.resolvedAt)))
    .returning({ eventId: onestopStatusUpdates.eventId });
  return rows.length > 0 ? "resolved" : "not_open";
}
