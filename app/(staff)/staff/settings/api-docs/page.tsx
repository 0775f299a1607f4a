// The API reference for staff (admins): rendered from the same OpenAPI document that
// /api/openapi.json serves — no third-party viewer, nothing loaded from a CDN.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Card, CardContent } from "@/app/_components/ui/card";
import { requireAdmin } from "@/app/_lib/require";
import { buildOpenApiDocument } from "@/server/api/openapi";
import { env } from "@/server/env";
import { AdminNav } from "../../_admin/admin-nav";
import { OperationView, type Operation } from "./operation-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("api-docs"))("title") };
}

export default async function ApiDocsPage() {
  await requireAdmin("/staff/settings/api-docs");
  const t = await getTranslations("api-docs");
  const doc = buildOpenApiDocument(env().APP_URL);
  const server = doc.servers[0]!.url;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })));
  const labels = { parameters: t("parameters"), body: t("body"), response: t("response"), errors: t("errors"), required: t("required"), inPath: t("inPath"), inQuery: t("inQuery") };
  return (
    <div className="mx-auto max-w-4xl">
      <AdminNav active="apiDocs" />
      <PageHeader title={t("title")} description={t("description", { version: doc.info.version })} />
      <Card className="mb-6">
        <CardContent className="grid gap-3 text-sm">
          <p>{t("auth")}</p>
          <pre className="overflow-x-auto rounded-lg bg-subtle p-3 font-mono text-xs">{`curl -H "Authorization: Bearer $HELPDESK_TOKEN" "${server}/api/v1/tickets?limit=10"`}</pre>
          <p>{t("typescript")}</p>
          <pre className="overflow-x-auto rounded-lg bg-subtle p-3 font-mono text-xs">{`import { createHelpdeskClient } from "@helpdesk/client";\nconst hd = createHelpdeskClient("${server}", process.env.HELPDESK_TOKEN!);\nconst { items } = await hd.ticket.list.query({ limit: 10 });`}</pre>
          <p>
            <a className="font-medium text-primary-700 underline" href="/api/openapi.json">/api/openapi.json</a> — {t("download")}
          </p>
          <nav aria-label={t("operations")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {ops.map((o) => (
                <li key={o.op.operationId}>
                  <a className="font-mono text-xs text-primary-700 hover:underline" href={`#${o.op.operationId}`}>{`${o.method} ${o.path}`}</a>
                </li>
              ))}
            </ul>
          </nav>
        </CardContent>
      </Card>
      <div className="grid gap-4">
        {ops.map((o) => (
          <OperationView key={o.op.operationId} method={o.method} path={o.path} op={o.op} labels={labels} />
        ))}
      </div>
    </div>
  );
}
