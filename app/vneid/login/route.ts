import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { BodyTooLarge, tooLargeResponse } from "@/lib/http/body-limit";
import { env, vneidIssuer } from "@/lib/env";
import { authorizeParams, validateAuthorizeRequest, type AuthorizeProblem } from "@/lib/oidc/authorize-request";
import { clientIp } from "@/lib/oidc/client-ip";
import { issueCode } from "@/lib/oidc/codes";
import { readUrlEncodedForm, singleValuedParams } from "@/lib/oidc/form-params";
import { authenticateCitizen } from "@/lib/oidc/sign-in";
import { plainPage } from "./plain-page";
import { loginHintCookie } from "@/lib/oidc/login-hint";
import { hasOwnOrigin } from "@/lib/security/csrf";
import { formatTime } from "@/lib/dates";
import * as clock from "@/lib/clock";

export const dynamic = "force-dynamic";

const credentialsSchema = z.object({
  // People copy the number from their card with spaces; the digits are what count.
  personal_id: z.string().max(64).default("").transform((s) => s.replace(/\s+/g, "")),
  passcode: z.string().max(128).default(""),
});

export async function POST(request: Request) {
  const t = await getTranslations("vneid");
  const lang = await getLocale();
  if (!hasOwnOrigin(request)) {
    return plainPage(403, { lang, title: t("forbidden.title"), message: t("forbidden.body") });
  }
  let params: URLSearchParams | undefined;
  try {
    params = await readUrlEncodedForm(request);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLargeResponse(error);
    throw error;
  }
  const form = params && singleValuedParams(params);
  const validation = form ? validateAuthorizeRequest(form) : ({ ok: false, problem: "invalid_request" } as const);
  const credentials = credentialsSchema.safeParse(form ?? {});
  if (!validation.ok || !credentials.success) {
    const problem: AuthorizeProblem = validation.ok ? "invalid_request" : validation.problem;
    const message = `${t("invalidRequest.body")} ${t("invalidRequest.detail", { reason: t(`invalidRequest.reasons.${problem}`) })}`;
    return plainPage(400, { lang, title: t("invalidRequest.title"), message });
  }

  const authorize = validation.request;
  const { personal_id: personalId, passcode } = credentials.data;
  const db = await getDb();
  const result = await authenticateCitizen(db, { personalId, passcode, ip: clientIp(request.headers) });
  const signInPage = `/vneid/authorize?${authorizeParams(authorize)}`;

  if (result.ok) {
    const code = await issueCode(db, {
      clientId: authorize.client_id,
      subject: result.subject,
      redirectUri: authorize.redirect_uri,
      codeChallenge: authorize.code_challenge,
      nonce: authorize.nonce,
    });
    const target = new URL(authorize.redirect_uri);
    target.searchParams.set("code", code);
    target.searchParams.set("state", authorize.state);
    target.searchParams.set("iss", vneidIssuer());
    return new Response(null, { status: 303, headers: { Location: target.href, "Cache-Control": "no-store" } });
  }
  // A lockout answers this POST itself with 429 and Retry-After; a page reached by redirect could only say 200.
  if (result.reason === "locked") {
    const liftsAt = formatTime(new Date(clock.now().getTime() + result.waitMinutes * 60_000));
    return plainPage(
      429,
      {
        lang,
        title: t("lockedPage.title"),
        message: t("errors.locked", { minutes: result.waitMinutes, time: liftsAt }),
        help: t("lockedPage.help"),
        link: { href: signInPage, label: t("lockedPage.back") },
      },
      { "Retry-After": String(result.waitMinutes * 60) },
    );
  }
  // The typed id goes back in a short-lived cookie, never in the URL (logs, history, referrers).
  const hint = loginHintCookie(personalId, env());
  return new Response(null, {
    status: 303,
    headers: {
      Location: `${signInPage}&${new URLSearchParams({ error: result.reason, ...(result.reason === "invalid_credentials" ? { left: String(result.triesLeft) } : {}) })}`,
      "Cache-Control": "no-store",
      "Set-Cookie": hint,
    },
  });
}
