import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Every number the outbox wrote to, as links to its inbox. */
export async function PhoneList({ phones, current }: { phones: { phone: string; messages: number }[]; current?: string }) {
  const t = await getTranslations("sms.phones");
  return (
    <section aria-labelledby="phones-heading" className="mt-6">
      <h2 id="phones-heading" className="text-lg font-bold">
        {t("heading")}
      </h2>
      {phones.length === 0 ? (
        <p className="mt-2 rounded-lg bg-white p-4 ring-1 ring-stone-200">{t("empty")}</p>
      ) : (
        <ul className="mt-2 grid grid-cols-2 gap-2">
          {phones.map((p) => (
            <li key={p.phone}>
              <Link
                href={`/dev/sms?phone=${p.phone}`}
                aria-current={p.phone === current ? "page" : undefined}
                className="flex min-h-11 flex-col justify-center rounded-lg bg-white px-3 py-1.5 ring-1 ring-stone-300 hover:bg-stone-100 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white aria-[current=page]:ring-blue-800"
              >
                <span className="font-mono font-semibold">{p.phone}</span>
                <span className="text-sm">{t("count", { count: p.messages })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
