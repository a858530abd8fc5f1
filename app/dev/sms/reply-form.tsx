import { getTranslations } from "next-intl/server";
import { sendSimulatedReply } from "./actions";

export type SentState = "ok" | "empty" | "tooLarge" | "refused";

/** The simulated phone's reply box: a plain form, so it works before any script has loaded. */
export async function ReplyForm({ phone, sent }: { phone: string; sent?: SentState }) {
  const t = await getTranslations("sms.reply");
  const problem = sent && sent !== "ok";
  return (
    <form action={sendSimulatedReply} className="mt-6 rounded-xl bg-white p-4 ring-1 ring-stone-200">
      <input type="hidden" name="phone" value={phone} />
      <label htmlFor="reply-text" className="block font-semibold">
        {t("label", { phone })}
      </label>
      <p id="reply-hint" className="mt-1 text-sm text-stone-700">
        {t("hint")}
      </p>
      {sent && (
        <p id="reply-status" role={problem ? "alert" : "status"} className={`mt-2 font-semibold ${problem ? "text-red-800" : "text-emerald-900"}`}>
          {t(`sent.${sent}`)}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <input
          id="reply-text"
          name="text"
          type="text"
          autoComplete="off"
          lang="vi"
          aria-describedby={sent ? "reply-hint reply-status" : "reply-hint"}
          className="min-h-11 min-w-0 flex-1 rounded-lg border-2 border-stone-500 bg-white px-3 text-lg"
        />
        <button type="submit" className="min-h-11 rounded-lg bg-blue-800 px-4 font-semibold text-white hover:bg-blue-900">
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
