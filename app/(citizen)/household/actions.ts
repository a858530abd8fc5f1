"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import * as clock from "@/lib/clock";
import { env } from "@/lib/env";
import { optInReminder, optOutReminder } from "@/lib/household/upcoming";

const reminder = z.object({
  serviceCode: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  subjectKey: z.string().min(1).max(200),
  triggerPeriod: z.string().min(1).max(20),
  on: z.enum(["1", "0"]),
});

/** Turns the citizen's own reminder for one upcoming item on or off. */
export async function setReminder(form: FormData) {
  const citizenId = await requireCitizen("/household");
  const parsed = reminder.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  const db = await getDb();
  if (parsed.data.on === "1") await optInReminder(db, citizenId, { today: clock.today(), now: clock.now(), origin: env().APP_ORIGIN }, parsed.data);
  else await optOutReminder(db, citizenId, parsed.data);
  revalidatePath("/household");
}
