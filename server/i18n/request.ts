import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { fromAcceptLanguage, isLocale, LOCALE_COOKIE } from "./locale";
import { loadMessages } from "./messages";
import { env } from "@/server/env";

export default getRequestConfig(async () => {
  const c = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(c) ? c : fromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: loadMessages(locale), timeZone: env().TZ || "Europe/Moscow" };
});
