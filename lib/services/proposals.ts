import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { serviceEvents, serviceVersions } from "../db/schema";
import { findService } from "./catalogue";
import { serviceDefinition, type ServiceDefinition } from "./definition";
import { refreshServices, setRollout } from "./store";
import { draftIssue, plainIssue, type DraftIssue } from "./draft-issues";
import { oneStopCentres } from "../places/communes";
import * as clock from "../clock";

/** The Public Administration Service Centre: its staff approve or return the departments' proposals. */
export const CENTRE_AGENCY = "trungtam";

// Only the communes the platform knows: a rollout row for a misspelt one would switch nothing on.
const communes = z.array(z.enum(oneStopCentres)).min(1).max(200);

export type DraftCheck = { ok: true; definition: ServiceDefinition } | { ok: false; issues: DraftIssue[] };

/** Parses a drafted definition (JSON text) and checks it like the catalogue: the console's live validation. */
export function checkDraft(json: string, agency: string): DraftCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, issues: [plainIssue("", "invalid JSON")] };
  }
  const parsed = serviceDefinition.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(draftIssue) };
  // A department proposes services of its own agency only, and changes only its own services.
  const existing = findService(parsed.data.code);
  if (parsed.data.agency.code !== agency || (existing && existing.agency.code !== agency)) {
    return { ok: false, issues: [plainIssue("agency.code", "not your agency")] };
  }
  return { ok: true, definition: parsed.data };
}

export type SubmitResult = { ok: true; code: string; version: number } | { ok: false; error: "invalid" | "pending" | "conflict"; issues?: DraftIssue[] };

/** A department sends a draft to the centre: the next version of the service, with the communes it asks for. */
export async function submitProposal(db: Db, input: { json: string; communes: unknown; staff: { username: string; agency: string } }): Promise<SubmitResult> {
  const check = checkDraft(input.json, input.staff.agency);
  if (!check.ok) return { ok: false, error: "invalid", issues: check.issues };
  const chosen = communes.safeParse(input.communes);
  if (!chosen.success) {
    const empty = Array.isArray(input.communes) && input.communes.length === 0;
    return { ok: false, error: "invalid", issues: [plainIssue("communes", empty ? "choose at least one commune" : "unknown commune")] };
  }
  const code = check.definition.code;
  try {
    return await db.transaction(async (tx) => {
      const [pending] = await tx.select({ version: serviceVersions.version }).from(serviceVersions).where(and(eq(serviceVersions.code, code), eq(serviceVersions.status, "submitted")));
      // One proposal of a service at a time, so the centre never approves an outdated one by mistake.
      if (pending) return { ok: false as const, error: "pending" as const };
      const [last] = await tx.select({ version: sql<number>`max(${serviceVersions.version})` }).from(serviceVersions).where(eq(serviceVersions.code, code));
      const version = Number(last?.version ?? (findService(code) ? 1 : 0)) + 1;
      await tx.insert(serviceVersions).values({
        code,
        version,
        definition: check.definition as unknown as Record<string, unknown>,
        status: "submitted",
        agency: input.staff.agency,
        proposedBy: input.staff.username,
        communes: chosen.data,
      });
      await tx.insert(serviceEvents).values({ code, version, action: "submitted", actor: input.staff.username, data: { communes: chosen.data } });
      return { ok: true as const, code, version };
    });
  } catch (error) {
    // Two submissions of the same next version at once: the primary key keeps one.
    if (String((error as { cause?: unknown }).cause ?? error).includes("service_versions_code_version_pk")) return { ok: false, error: "conflict" };
    throw error;
  }
}

const decision = z.object({
  code: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  version: z.coerce.number().int().positive(),
  note: z.string().trim().max(1000).default(""),
});

/** Why a decision failed: the review page shows these words only, whatever its URL says. */
export const decideErrors = ["invalid", "not_centre", "not_pending", "note_required"] as const;
export type DecideResult = { ok: true } | { ok: false; error: (typeof decideErrors)[number] };

/**
 * The centre approves a submitted version (it goes live in its communes at once, no deployment) or
 * returns it with a note. Only a submitted version can be decided, once: a double tap decides nothing twice.
 */
export async function decideProposal(db: Db, input: { action: "approve" | "return"; staff: { username: string; agency: string } } & Record<string, unknown>): Promise<DecideResult> {
  if (input.staff.agency !== CENTRE_AGENCY) return { ok: false, error: "not_centre" };
  const parsed = decision.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { code, version, note } = parsed.data;
  if (input.action === "return" && !note) return { ok: false, error: "note_required" };
  const status = input.action === "approve" ? ("approved" as const) : ("returned" as const);
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(serviceVersions)
      .set({ status, note: note || null, decidedBy: input.staff.username, decidedAt: clock.now() })
      .where(and(eq(serviceVersions.code, code), eq(serviceVersions.version, version), eq(serviceVersions.status, "submitted")))
      .returning({ communes: serviceVersions.communes });
    if (!row) return false;
    await tx.insert(serviceEvents).values({ code, version, action: status, actor: input.staff.username, note: note || null });
    if (status === "approved") await setRollout(tx, [code], row.communes, true, input.staff.username);
    return true;
  });
  if (!done) return { ok: false, error: "not_pending" };
  await refreshServices(db);
  return { ok: true };
}

/** The versions of the services a department proposed, newest first; the centre sees every agency's. */
export async function proposalsFor(db: Db, agency: string) {
  const query = db.select().from(serviceVersions);
  const rows = agency === CENTRE_AGENCY ? await query.orderBy(desc(serviceVersions.createdAt)) : await query.where(eq(serviceVersions.agency, agency)).orderBy(desc(serviceVersions.createdAt));
  return rows.filter((r) => r.proposedBy !== "seed");
}

export async function proposal(db: Db, code: string, version: number) {
  const [row] = await db.select().from(serviceVersions).where(and(eq(serviceVersions.code, code), eq(serviceVersions.version, version)));
  return row;
}

export async function historyOf(db: Db, code: string) {
  return db.select().from(serviceEvents).where(eq(serviceEvents.code, code)).orderBy(serviceEvents.id);
}
