import { acceptInboundSms } from "@/lib/sms/inbound-request";

export const dynamic = "force-dynamic";

/** The SMS gateway's delivery of a citizen's reply (HMAC-signed; see lib/sms/inbound-auth.ts). */
export async function POST(request: Request) {
  return acceptInboundSms(request);
}
