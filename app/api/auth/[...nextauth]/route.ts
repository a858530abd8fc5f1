import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { BodyTooLarge, FORM_BODY_LIMIT, readBodyBytes, tooLargeResponse } from "@/lib/http/body-limit";

export const { GET } = handlers;

/** Auth.js reads the form itself: it gets a copy read within the limit, so a huge body never reaches it. */
export async function POST(request: NextRequest) {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readBodyBytes(request, FORM_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLargeResponse(error);
    throw error;
  }
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body }));
}
