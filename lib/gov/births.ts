import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { birthNotices, citizens, dossiers } from "../db/schema";
import { prepareService } from "../engine/prepare";
import { liveServices } from "../services/store";
import { getService } from "../services/catalogue";
import { addDays } from "../dates";
import type { Locale } from "../i18n/locales";
import { isoDate, personalId, requiredText } from "./imports/cells";
import { govText, isGovTextKey, type GovText, type GovTextKey } from "./imports/texts";
import * as clock from "../clock";

const SERVICE = "birth-registration";

/** The hospital's electronic birth notice (giấy chứng sinh), as `POST /api/gov/births` takes it. */
export function birthNoticeSchema(today: string, windowDays: number) {
  return z
    .strictObject({
      certificateNo: z
        .string()
        .trim()
        .min(1, "field.required")
        .max(40, "field.tooLong")
        .regex(/^[\p{L}\p{N}./-]+$/u, "field.certificateNo"),
      hospital: requiredText(200),
      birthDate: isoDate
        .refine((d) => d <= today, "field.birthInFuture")
        .refine((d) => d > addDays(today, -windowDays), "field.birthTooOld"),
      sex: z.enum(["male", "female"], "field.sex"),
      motherId: personalId,
      fatherId: personalId.nullish().transform((v) => v ?? null),
      weightGrams: z
        .number("field.weight")
        .int("field.weight")
        .min(300, "field.weight")
        .max(7000, "field.weight")
        .nullish()
        .transform((v) => v ?? null),
    })
    .refine((b) => b.fatherId !== b.motherId, { path: ["fatherId"], message: "field.sameParents" });
}

type BirthNotice = z.infer<ReturnType<typeof birthNoticeSchema>>;
type FieldErrors = Record<string, string>;

type BirthNoticeOutcome =
  | { kind: "invalid"; fields: FieldErrors }
  | { kind: "unknownParent"; fields: FieldErrors }
  | { kind: "conflict"; certificateNo: string }
  // No dossier when birth registration is not switched on in the family's commune (the notice is stored).
  | { kind: "accepted"; created: boolean; dossierCode: string | null; status: string | null };

/** One message per field, in the caller's language; a missing field reads "required" whatever its rules. */
function fieldErrors(error: z.ZodError, t: GovText, params: Record<string, unknown>): FieldErrors {
  const fields: FieldErrors = {};
  const put = (path: string, key: GovTextKey) => (fields[path] ??= t(key, params));
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "body";
    if (issue.code === "unrecognized_keys") issue.keys.forEach((k) => put([...issue.path, k].join("."), "field.unknownField"));
    else if (issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) put(path, "field.required");
    else if (isGovTextKey(issue.message)) put(path, issue.message);
    else put(path, issue.code === "invalid_type" ? "field.wrongType" : "field.invalid");
  }
  return fields;
}

const sameNotice = (a: BirthNotice, b: typeof birthNotices.$inferSelect) =>
  a.hospital === b.hospital &&
  a.birthDate === b.birthDate &&
  a.sex === b.sex &&
  a.motherId === b.motherId &&
  a.fatherId === b.fatherId &&
  a.weightGrams === b.weightGrams;

/**
 * Receives a hospital birth notice: validates it, matches the parents in the population database,
 * stores it once, and lets the engine prepare the `birth-registration` dossier (and its one SMS).
 * The same notice again answers with the same dossier; the same number with other data changes nothing.
 */
export async function receiveBirthNotice(
  db: Db,
  body: unknown,
  opts: { origin: string; today?: string; locale?: Locale },
): Promise<BirthNoticeOutcome> {
  const today = opts.today ?? clock.today();
  const t = govText(opts.locale);
  const service = getService(SERVICE);
  if (service.trigger.kind !== "event") throw new Error(`${SERVICE} must be triggered by an event`);
  const windowDays = service.trigger.windowDays;
  // Inputs are reported so that a missing field can be told from a wrong one.
  const parsed = birthNoticeSchema(today, windowDays).safeParse(body, { reportInput: true });
  if (!parsed.success) return { kind: "invalid", fields: fieldErrors(parsed.error, t, { days: windowDays }) };
  const notice = parsed.data;

  // One answer whichever parent is missing: the API must not tell an agency which of two ids exists.
  const parents = [notice.motherId, ...(notice.fatherId ? [notice.fatherId] : [])];
  const found = await db.select({ id: citizens.id }).from(citizens).where(inArray(citizens.id, parents));
  if (found.length !== parents.length) return { kind: "unknownParent", fields: { parents: t("field.parentsNotInPopulation") } };

  const inserted = await db
    .insert(birthNotices)
    .values(notice)
    .onConflictDoNothing({ target: birthNotices.certificateNo })
    .returning({ certificateNo: birthNotices.certificateNo });
  if (!inserted.length) {
    const [stored] = await db.select().from(birthNotices).where(eq(birthNotices.certificateNo, notice.certificateNo));
    if (!stored || !sameNotice(notice, stored)) return { kind: "conflict", certificateNo: notice.certificateNo };
  }

  // Also on a repeat: if the first call stopped after storing the notice, this one prepares the dossier.
  const live = (await liveServices(db)).find((s) => s.service.code === SERVICE);
  if (live) await prepareService(db, live.service, { today, origin: opts.origin, version: live.version, communes: live.communes });
  const [dossier] = await db
    .select({ code: dossiers.code, status: dossiers.status })
    .from(dossiers)
    .where(and(eq(dossiers.serviceCode, SERVICE), eq(dossiers.subjectKey, `birth:${notice.certificateNo}`)));
  return { kind: "accepted", created: inserted.length > 0, dossierCode: dossier?.code ?? null, status: dossier?.status ?? null };
}
