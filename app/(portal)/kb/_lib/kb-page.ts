import "server-only";
// Shared by the help-centre pages: the language to show (?lang= for hreflang URLs, else the
// visitor's locale), KB strings in that language, and loading through the same procedures as
// the API — "sign in first" becomes a redirect, anything hidden a 404.
import { notFound, redirect } from "next/navigation";
import { getLocale, type getTranslations } from "next-intl/server";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/server/i18n/messages";
import { TRPCError } from "@trpc/server";
import { isLocale } from "@/server/i18n/locale";
import type { KbLang } from "@/server/domain/kb/language";
import { caller } from "@/app/_trpc/server";

export async function kbLang(param: string | string[] | undefined): Promise<KbLang> {
  if (isLocale(param)) return param;
  const l = await getLocale();
  return l === "en" ? "en" : "ru";
}

/**
 * KB strings in the page's language. Not getTranslations({ locale }): the request config
 * (server/i18n/request.ts) always answers with the visitor's cookie locale.
 */
export async function kbT(lang: KbLang): Promise<KbTranslator> {
  return createTranslator({ locale: lang, messages: loadMessages(lang) as never, namespace: "kb" as never }) as unknown as KbTranslator;
}

type KbTranslator = Awaited<ReturnType<typeof getTranslations<"kb">>>;

type Api = Awaited<ReturnType<typeof caller>>;

export async function loadKb<T>(path: string, load: (api: Api) => Promise<T>): Promise<T> {
  try {
    return await load(await caller());
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
}

/** `?lang=` only when it differs from what the visitor would get anyway keeps URLs short. */
export const withLang = (path: string, lang: KbLang) => `${path}?lang=${lang}`;
