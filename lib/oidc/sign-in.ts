import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { citizens } from "../db/schema";
import { hashPasscode, verifyPasscode } from "../auth/passcode";
import { admitAttempt, settleAttempt } from "./throttle";

const personalIdSchema = z.string().regex(/^\d{12}$/);
const passcodeSchema = z.string().min(1).max(128);

interface SignInInput {
  personalId: string;
  passcode: string;
  ip: string;
}

type SignInResult =
  | { ok: true; subject: string }
  | { ok: false; reason: "invalid_personal_id" | "missing_passcode" }
  | { ok: false; reason: "invalid_credentials"; triesLeft: number }
  | { ok: false; reason: "locked"; waitMinutes: number };

interface SignInOptions {
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let dummyHash: Promise<string> | undefined;

/** Checks a personal id and passcode, slowed and locked out by recent failures. */
export async function authenticateCitizen(db: Db, input: SignInInput, options: SignInOptions = {}): Promise<SignInResult> {
  const personalId = personalIdSchema.safeParse(input.personalId);
  if (!personalId.success) return { ok: false, reason: "invalid_personal_id" };
  const passcode = passcodeSchema.safeParse(input.passcode);
  if (!passcode.success) return { ok: false, reason: "missing_passcode" };

  const admission = await admitAttempt(db, { personalId: personalId.data, ip: input.ip });
  if (!admission.admitted) return { ok: false, reason: "locked", waitMinutes: admission.waitMinutes };
  if (admission.delayMs > 0) await (options.sleep ?? wait)(admission.delayMs);

  const [citizen] = await db.select({ passcodeHash: citizens.passcodeHash }).from(citizens).where(eq(citizens.id, personalId.data));
  // Unknown ids cost the same scrypt as known ones, so timing does not reveal who is registered.
  const stored = citizen?.passcodeHash ?? (await (dummyHash ??= hashPasscode("not-a-passcode")));
  const valid = (await verifyPasscode(passcode.data, stored)) && Boolean(citizen?.passcodeHash);
  await settleAttempt(db, admission.attempt, valid ? "success" : "failure");
  return valid ? { ok: true, subject: personalId.data } : { ok: false, reason: "invalid_credentials", triesLeft: admission.triesLeftIfWrong };
}
