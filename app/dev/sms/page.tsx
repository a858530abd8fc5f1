import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/locale-switch";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mobilePhoneSchema } from "@/lib/sms/phone";
import { messagesForPhone, outboxPhones, repliesFromPhone } from "@/lib/sms/outbox-queries";
import { deliverToSimulator } from "@/lib/sms/simulator-dispatch";
import { PhoneFilter } from "./phone-filter";
import { PhoneList } from "./phone-list";
import { SmsInbox } from "./sms-inbox";
import { ReplyForm, type SentState } from "./reply-form";

const SENT_STATES: readonly SentState[] = ["ok", "empty", "tooLarge", "refused"];

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sms");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The demo's phones: every SMS the outbox sent, per number (demo mode only). */
export default async function SmsSimulatorPage({ searchParams }: { searchParams: Promise<{ phone?: string | string[]; sent?: string | string[] }> }) {
  if (!env().DEMO_MODE) notFound();
  const query = await searchParams;
  const raw = query.phone;
  const sent = SENT_STATES.find((s) => s === query.sent);
  const given = typeof raw === "string" && raw.trim() !== "" ? raw : undefined;
  const parsed = given === undefined ? undefined : mobilePhoneSchema.safeParse(given);
  const phone = parsed?.success ? parsed.data : undefined;

  const db = await getDb();
  await deliverToSimulator(db);
  const [phones, messages, replies, t] = await Promise.all([
    outboxPhones(db),
    phone ? messagesForPhone(db, phone) : [],
    phone ? repliesFromPhone(db, phone) : [],
    getTranslations("sms"),
  ]);

  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:rounded focus:bg-white focus:p-3">
        {t("skipToContent")}
      </a>
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-xl items-center gap-2 px-4 py-3">
          <span aria-hidden="true" className="text-gold text-xl">
            ★
          </span>
          <p className="text-lg font-bold tracking-tight">{t("header")}</p>
          <div className="ml-auto">
            <LocaleSwitch
              next={phone ? `/dev/sms?phone=${phone}` : "/dev/sms"}
              className="inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-semibold text-white underline underline-offset-4"
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 pb-16 pt-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-stone-700">{t("lead")}</p>
        <PhoneFilter value={given} invalid={parsed?.success === false} />
        <PhoneList phones={phones} current={phone} />
        {phone ? (
          <>
            <ReplyForm phone={phone} sent={sent} />
            <SmsInbox phone={phone} messages={messages} replies={replies} />
          </>
        ) : (
          <p className="mt-8 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("inbox.choose")}</p>
        )}
      </main>
    </>
  );
}
