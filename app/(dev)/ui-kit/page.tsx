import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/server/env";
import { Plus, Search } from "lucide-react";
import { AppShell } from "@/app/_components/ui/app-shell";
import { Avatar } from "@/app/_components/ui/avatar";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Kbd } from "@/app/_components/ui/kbd";
import { PageHeader } from "@/app/_components/ui/page-header";
import { ToastProvider } from "@/app/_components/ui/toast";
import { Section } from "./_demo/section";
import { DemoBadges, DemoTable } from "./_demo/demo-data";
import { DemoAlerts, DemoOverlays, DemoTabs } from "./_demo/demo-feedback";
import { DemoButtons, DemoForms } from "./_demo/demo-forms";

/** Developer page: every UI kit component on one screen (for screenshots and visual review). */
export const dynamic = "force-static";
export const metadata: Metadata = { title: "UI kit", robots: { index: false, follow: false } };

const messageHtml = `
<p>Hi Anna,</p>
<p>Thanks for the report! Please try the steps below and <a href="#prose">tell us</a> if it helps:</p>
<ol><li>Open <strong>Settings → Security</strong>.</li><li>Click <em>Reset sessions</em>.</li><li>Sign in again with <code>ctrl + shift + r</code> to skip the cache.</li></ol>
<blockquote>On Mon, 12 Mar, Anna wrote:<br/>I cannot log in after resetting my password.</blockquote>
<pre><code>Error: session_expired (code 401)
    at verifyToken (auth.ts:42)</code></pre>
<table><thead><tr><th>Plan</th><th>Seats</th><th>Price</th></tr></thead><tbody><tr><td>Team</td><td>5</td><td>€49</td></tr><tr><td>Business</td><td>25</td><td>€199</td></tr></tbody></table>
<ul><li>A very long link: https://example.com/a/really/long/path/that/should/wrap/instead/of/overflowing/the/card</li></ul>
<p>Best regards,<br/>Support team</p>`;

export default function UiKitPage() {
  // a developer page: not part of production builds unless asked for
  if (env().NODE_ENV === "production" && !env().HELPDESK_UI_KIT) notFound();
  return (
    <ToastProvider dismissLabel="Dismiss" label="Notifications">
      <AppShell
        brand={
          <a href="/ui-kit" className="flex items-center gap-2 rounded-md text-[15px] font-semibold text-ink">
            <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-primary-600 text-xs font-bold text-white">
              H
            </span>
            Helpdesk
          </a>
        }
        nav={[
          { href: "/ui-kit", label: "Inbox", badge: <Badge variant="info">12</Badge> },
          { href: "/ui-kit/customers", label: "Customers" },
          { href: "/ui-kit/reports", label: "Reports" },
          { href: "/ui-kit/settings", label: "Settings" },
        ]}
        navLabel="Main"
        menuLabel="Menu"
        closeLabel="Close"
        skipLabel="Skip to content"
        actions={
          <Button variant="outline" size="sm" className="hidden text-ink-muted sm:inline-flex">
            <Search aria-hidden /> Search <Kbd className="ml-2">/</Kbd>
          </Button>
        }
        userMenu={<Avatar name="Анна Петрова" />}
        sheetFooter={<p className="text-xs text-ink-subtle">v0.1.0</p>}
      >
        <PageHeader
          eyebrow="Developer page"
          title="UI kit"
          description="Every component of app/_components/ui on one page. Resize to 375px to check the phone layout."
          actions={
            <>
              <Button variant="outline">Export</Button>
              <Button>
                <Plus aria-hidden /> New ticket
              </Button>
            </>
          }
        />
        <div className="grid gap-6">
          <DemoTable />
          <div className="grid gap-6 lg:grid-cols-2">
            <DemoButtons />
            <DemoBadges />
          </div>
          <DemoForms />
          <div className="grid gap-6 lg:grid-cols-2">
            <DemoAlerts />
            <div className="grid content-start gap-6">
              <DemoOverlays />
              <DemoTabs />
            </div>
          </div>
          <Section title="Message HTML" description="Sanitized ticket HTML inside .prose-message.">
            <div id="prose" className="prose-message" dangerouslySetInnerHTML={{ __html: messageHtml }} />
          </Section>
        </div>
      </AppShell>
    </ToastProvider>
  );
}
