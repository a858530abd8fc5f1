"use server";

import { randomUUID } from "node:crypto";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/lib/env";
import * as clock from "@/lib/clock";
import { mobilePhoneSchema } from "@/lib/sms/phone";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signInbound } from "@/lib/sms/inbound-auth";
import { acceptInboundSms } from "@/lib/sms/inbound-request";

const replyForm = z.object({ phone: mobilePhoneSchema, text: z.string().max(100_000) });

/**
 * The simulated phone replies: the delivery is signed as the gateway signs it and goes through the
 * inbound route's own handler, signature check and body limit included (demo mode only).
 */
export async function sendSimulatedReply(form: FormData) {
  if (!env().DEMO_MODE) notFound();
  const parsed = replyForm.safeParse({ phone: form.get("phone"), text: form.get("text") ?? "" });
  if (!parsed.success) redirect("/dev/sms");
  const { phone, text } = parsed.data;
  if (text.trim() === "") redirect(`/dev/sms?phone=${phone}&sent=empty`);
  const body = JSON.stringify({ messageId: `sim-${randomUUID()}`, from: phone, text });
  const timestamp = String(Math.floor(clock.now().getTime() / 1000));
  const response = await acceptInboundSms(
    new Request(`${env().APP_ORIGIN}/api/sms/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json", [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signInbound(env().SMS_INBOUND_SECRET, timestamp, body) },
      body,
    }),
  );
  redirect(`/dev/sms?phone=${phone}&sent=${response.ok ? "ok" : response.status === 413 ? "tooLarge" : "refused"}`);
}
