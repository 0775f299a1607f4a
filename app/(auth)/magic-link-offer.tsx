// "Mail me a sign-in link" (issue 12.4): under the sign-in form, and on pages a mailed link
// opens while sign-in is required (rating link, ticket link). With `link` (the signed ticket or
// rating token the visitor came with) it is one button: the link names the account, so nothing
// is typed and no address is shown. Without it, the visitor types their address. The answer is
// neutral either way.
import { getTranslations } from "next-intl/server";
import { AuthForm } from "./auth-form";
import { requestMagicLinkAction } from "./actions";

export async function MagicLinkOffer({ link, next }: { link?: string; next?: string }) {
  const t = await getTranslations("auth.signIn");
  const hidden: Record<string, string> = { ...(link ? { link } : {}), ...(next ? { next } : {}) };
  return (
    <section className="space-y-3 border-t border-line pt-4" data-testid="magic-offer">
      <div>
        <h2 className="text-sm font-semibold text-ink">{t("magicTitle")}</h2>
        <p className="text-sm text-ink-muted">{link ? t("magicForLink") : t("magicDescription")}</p>
      </div>
      <AuthForm
        testId="magic-request-form"
        action={requestMagicLinkAction}
        submit={t("magicSubmit")}
        variant="outline"
        hidden={hidden}
        fields={link ? [] : [{ name: "email", type: "email", label: t("email"), autoComplete: "email" }]}
      />
    </section>
  );
}
