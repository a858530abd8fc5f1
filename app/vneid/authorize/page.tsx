import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOGIN_HINT_COOKIE } from "@/lib/oidc/login-hint";
import { env } from "@/lib/env";
import { DEMO_PASSCODE } from "@/lib/gov/demo-world";
import { authorizeParams, validateAuthorizeRequest, type AuthorizeProblem, type AuthorizeRequest } from "@/lib/oidc/authorize-request";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vneid");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

// What the login route sends back after a refused attempt; anything else is ignored.
const feedbackSchema = z.object({
  error: z.enum(["invalid_credentials", "invalid_personal_id", "missing_passcode"]).optional().catch(undefined),
  loginHint: z.string().max(32).optional().catch(undefined),
  left: z.coerce.number().int().min(0).max(20).optional().catch(undefined),
});

type Feedback = z.infer<typeof feedbackSchema>;

export default async function AuthorizePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const validation = validateAuthorizeRequest(query);
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col bg-white shadow-sm">
      <VneidHeader />
      {validation.ok ? (
        <SignInForm
          request={validation.request}
          feedback={feedbackSchema.parse({ error: query.error, left: query.left, loginHint: (await cookies()).get(LOGIN_HINT_COOKIE)?.value })}
        />
      ) : (
        <InvalidRequest problem={validation.problem} />
      )}
    </main>
  );
}

async function VneidHeader() {
  const t = await getTranslations("vneid");
  return (
    <header className="bg-brand px-5 py-5 text-white">
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="grid size-12 shrink-0 place-items-center rounded-full bg-gold text-2xl text-brand-dark">
          ★
        </span>
        <div className="min-w-0">
          <p className="text-2xl font-extrabold tracking-wide">{t("brand")}</p>
          <p className="text-sm text-red-100">{t("brandTagline")}</p>
        </div>
        <span className="ml-auto shrink-0 rounded-full border-2 border-white px-3 py-0.5 text-sm font-bold uppercase">{t("mockBadge")}</span>
      </div>
    </header>
  );
}

async function SignInForm({ request, feedback }: { request: AuthorizeRequest; feedback: Feedback }) {
  const t = await getTranslations("vneid");
  const { error } = feedback;
  const idInvalid = error === "invalid_personal_id" || error === "invalid_credentials";
  const passcodeInvalid = error === "missing_passcode" || error === "invalid_credentials";
  const describedBy = (hintId: string, invalid: boolean) => (invalid ? `signin-error ${hintId}` : hintId);
  const inputClass =
    "mt-2 block h-12 w-full rounded-lg border-2 border-stone-500 bg-white px-3 text-lg tracking-wider text-ink focus:border-blue-700 aria-invalid:border-red-700";

  return (
    <div className="flex flex-1 flex-col px-5 py-6">
      <h1 className="text-2xl font-bold leading-snug">{t("heading")}</h1>
      <p className="mt-2 text-base text-stone-700">{t("intro")}</p>

      {error && (
        <div id="signin-error" role="alert" className="mt-5 rounded-lg border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          {t(`errors.${error}`)}
          {error === "invalid_credentials" && feedback.left !== undefined && (
            <p className="mt-1" data-tries-left>{t("triesLeft", { left: feedback.left })}</p>
          )}
        </div>
      )}

      <form method="post" action="/vneid/login" className="mt-6 flex flex-col gap-5">
        {[...authorizeParams(request)].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div>
          <label htmlFor="personal_id" className="block text-base font-semibold">
            {t("personalId")}
          </label>
          <input
            id="personal_id"
            name="personal_id"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            required
            defaultValue={feedback.loginHint}
            autoFocus={error === "invalid_personal_id"}
            aria-invalid={idInvalid || undefined}
            aria-describedby={describedBy("personal_id-hint", idInvalid)}
            className={inputClass}
          />
          <p id="personal_id-hint" className="mt-1 text-sm text-stone-600">
            {t("personalIdHint")}
          </p>
        </div>
        <div>
          <label htmlFor="passcode" className="block text-base font-semibold">
            {t("passcode")}
          </label>
          <input
            id="passcode"
            name="passcode"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            required
            autoFocus={error === "missing_passcode" || error === "invalid_credentials"}
            aria-invalid={passcodeInvalid || undefined}
            aria-describedby={describedBy("passcode-hint", passcodeInvalid)}
            className={inputClass}
          />
          <p id="passcode-hint" className="mt-1 text-sm text-stone-600">
            {t("passcodeHint")}
          </p>
        </div>
        <button
          type="submit"
          className="mt-2 flex min-h-14 w-full items-center justify-center rounded-xl bg-brand px-4 text-lg font-bold text-white hover:bg-brand-dark active:bg-brand-dark"
        >
          {t("submit")}
        </button>
      </form>

      <aside className="mt-auto pt-8 text-sm text-stone-600">
        <p className="rounded-lg bg-stone-100 p-3">
          {t("demoNote")}
          {env().DEMO_MODE && (
            <>
              {" "}
              <strong className="font-semibold text-ink">{t("demoPasscode", { passcode: DEMO_PASSCODE })}</strong>
            </>
          )}
        </p>
      </aside>
    </div>
  );
}

async function InvalidRequest({ problem }: { problem: AuthorizeProblem }) {
  const t = await getTranslations("vneid");
  return (
    <div className="px-5 py-6">
      <h1 className="text-2xl font-bold leading-snug">{t("invalidRequest.title")}</h1>
      <div role="alert" className="mt-5 rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-800">
        <p className="font-semibold">{t("invalidRequest.body")}</p>
        <p className="mt-2">{t("invalidRequest.detail", { reason: t(`invalidRequest.reasons.${problem}`) })}</p>
      </div>
    </div>
  );
}
