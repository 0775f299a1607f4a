// Your account: change your own password (signed-in users with a browser session).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Alert } from "@/app/_components/ui/alert";
import { getActor } from "@/app/_lib/actor";
import { ChangePasswordForm } from "./change-password-form";
import { isStaff } from "@/server/domain/actor";
import { caller } from "@/app/_trpc/server";
import { AwaySwitch } from "./away-switch";
import Link from "next/link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/account");
  const t = await getTranslations("account");
  const { changed } = await searchParams;
  const ta = await getTranslations("team.away");
  const away = isStaff(actor) ? (await (await caller()).user.away()).away : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">{t("title")}</h1>
      <p className="text-sm text-ink-muted" data-testid="account-email">{actor.email}</p>
      {changed === "1" && <Alert variant="success" data-testid="password-changed">{t("changed")}</Alert>}
      {away !== null && (
        <Card>
          <CardHeader><CardTitle as="h2">{ta("title")}</CardTitle></CardHeader>
          <CardContent><AwaySwitch initial={away} /></CardContent>
        </Card>
      )}
      {away !== null && (
        <Link href="/account/notifications" className="block text-sm font-medium text-primary-700 hover:underline" data-testid="notification-prefs-link">
          {(await getTranslations("notifications.prefs"))("link")} →
        </Link>
      )}
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("changePassword")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </div>
  );
}
