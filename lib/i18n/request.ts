import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, parseLocale } from "./locales";
import { messagesFor } from "./messages";
import { TIME_ZONE } from "../dates";

export default getRequestConfig(async () => {
  const locale = parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, timeZone: TIME_ZONE, messages: messagesFor(locale) };
});
