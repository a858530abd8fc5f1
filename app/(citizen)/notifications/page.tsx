import { AdaptiveLink as Link } from "@/components/ui/adaptive-link";
import { getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { messagesFor } from "@/lib/db/dossier-queries";
import { formatDateTime } from "@/lib/dates";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const citizenId = await requireCitizen("/notifications");
  const [messages, t] = await Promise.all([messagesFor(await getDb(), citizenId), getTranslations("notifications")]);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("lead")}</p>
      <p className="mb-4 mt-2 text-sm text-stone-700">{t("matchCodeWhat")}</p>
      {messages.length === 0 ? (
        <p className="rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
              <p className="text-sm text-stone-600">{formatDateTime(m.createdAt)}</p>
              <p className="mt-1 break-words">{m.body}</p>
              {m.dossierCode && (
                <Link href={`/dossiers/${m.dossierCode}`} className="mt-2 inline-flex min-h-11 items-center font-mono text-blue-800 underline">
                  {m.dossierCode}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
