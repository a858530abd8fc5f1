import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "./client";
import { citizens, dossiers } from "./schema";
import { liveCatalogue } from "../services/catalogue";
import type { Status } from "../dossiers/status";

export const queueStatuses: Status[] = ["submitted", "received", "processing", "needs_info", "approved"];

/** The SLA marks of the queue; lib/kpi's overdue count follows the same rule (a test keeps them equal). */
export function slaMark(row: { status: string; slaDueDate: string | null }, today: string): "overdue" | "dueToday" | undefined {
  if (row.slaDueDate === null || row.status === "approved") return undefined;
  if (row.slaDueDate < today) return "overdue";
  return row.slaDueDate === today ? "dueToday" : undefined;
}

interface QueueFilters {
  service?: string;
  status?: Status;
  commune?: string;
}

/** An officer's desk: the agency, and for a ward- or commune-level office the commune it serves. */
export interface Desk {
  agency: string;
  commune?: string | null;
}

const deskOf = (desk: string | Desk): Desk => (typeof desk === "string" ? { agency: desk } : desk);

/**
 * The one-stop centre handling dossier row `d` (drizzle's table, or a raw query's alias): the commune a
 * lead moved it to, else the one its pre-fill names (a birth is registered where the child lives), else
 * its owner's. The queue, the IOC, a reassignment and the One-Stop outbox all place a dossier by this.
 */
export const centreCommuneOf = (d: SQL = sql`${dossiers}`) =>
  sql<string>`coalesce(${d}.centre_commune, ${d}.prefilled->>'commune', (SELECT own.commune FROM citizens own WHERE own.id = ${d}.owner_id))`;

const centreCommune = centreCommuneOf();

/**
 * What an agency may see at all: its services' dossiers that the citizen has submitted. A `prepared`
 * dossier (or one declined or expired before submission) holds registry data the citizen has not
 * consented to send; every officer query below starts from this. A commune's office sees the dossiers
 * of its own centre (centreCommune).
 */
function agencyMaySee(services: string[], desk: Desk) {
  return and(
    inArray(dossiers.serviceCode, services),
    isNotNull(dossiers.submittedAt),
    desk.commune ? sql`${centreCommune} = ${desk.commune}` : undefined,
  );
}

export function servicesOfAgency(agency: string): string[] {
  return liveCatalogue().filter((s) => s.agency.code === agency).map((s) => s.code);
}

/** The agency's open dossiers, the most urgent SLA first. */
export async function officerQueue(db: Executor, desk: string | Desk, filters: QueueFilters) {
  const services = servicesOfAgency(deskOf(desk).agency).filter((s) => !filters.service || s === filters.service);
  if (services.length === 0) return [];
  return db
    .select({
      code: dossiers.code,
      serviceCode: dossiers.serviceCode,
      status: dossiers.status,
      slaDueDate: dossiers.slaDueDate,
      submittedAt: dossiers.submittedAt,
      ownerName: citizens.fullName,
      commune: centreCommune,
    })
    .from(dossiers)
    .innerJoin(citizens, eq(citizens.id, dossiers.ownerId))
    .where(
      and(
        agencyMaySee(services, deskOf(desk)),
        inArray(dossiers.status, filters.status ? [filters.status] : queueStatuses),
        filters.commune ? eq(centreCommune, filters.commune) : undefined,
      ),
    )
    .orderBy(sql`${dossiers.slaDueDate} ASC NULLS LAST`, asc(dossiers.submittedAt));
}

export async function communesOfAgency(db: Executor, desk: string | Desk): Promise<string[]> {
  const services = servicesOfAgency(deskOf(desk).agency);
  if (services.length === 0) return [];
  const rows = await db
    .selectDistinct({ commune: centreCommune })
    .from(dossiers)
    .innerJoin(citizens, eq(citizens.id, dossiers.ownerId))
    .where(agencyMaySee(services, deskOf(desk)))
    .orderBy(asc(centreCommune));
  return rows.map((r) => r.commune);
}

/** A dossier for review, only when the agency may see it: anyone else's code, or an unsubmitted one, finds nothing. */
export async function findDossierForAgency(db: Executor, desk: string | Desk, code: string) {
  const services = servicesOfAgency(deskOf(desk).agency);
  if (services.length === 0) return undefined;
  const [row] = await db
    .select({ dossier: dossiers, owner: { fullName: citizens.fullName, commune: citizens.commune, phone: citizens.phone } })
    .from(dossiers)
    .innerJoin(citizens, eq(citizens.id, dossiers.ownerId))
    .where(and(eq(dossiers.code, code), agencyMaySee(services, deskOf(desk))));
  return row;
}

/** Every commune with residents in the population register: the centres a dossier may be moved to. */
export async function communesOfCity(db: Executor): Promise<string[]> {
  const rows = await db.selectDistinct({ commune: citizens.commune }).from(citizens).orderBy(asc(citizens.commune));
  return rows.map((r) => r.commune);
}
