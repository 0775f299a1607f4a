// Notification preferences of a staff member (issue 16 point 3): per event, by mail and/or in the app.
import type { Metadata } from "next";
import { redirect, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { getActor } from "@/app/_lib/actor";
import { isStaff } from "@/server/domain/actor";
import { caller } from "@/app/_trpc/server";
import { NotificationPrefsForm } from "./prefs-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("prefs.title") };
}

export default async function NotificationPrefsPage() {
  const actor = await getActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/account/notifications");
  if (!isStaff(actor)) notFound();
  const t = await getTranslations("notifications.prefs");
  const prefs = await (await caller()).notification.prefs();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t("title")}</CardTitle>
          <CardDescription>{t("description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <NotificationPrefsForm initial={prefs} />
        </CardContent>
      </Card>
    </div>
  );
}
