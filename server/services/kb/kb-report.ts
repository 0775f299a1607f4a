// The KB numbers for the report page: suggestions opened from the new-ticket form and how
// many of those forms never submitted (the question was answered), plus votes and views.
import { db } from "@/server/db/client";
import type { Actor } from "@/server/domain/actor";
import { canEditArticles } from "@/server/domain/kb/access";
import { pickLanguage } from "@/server/domain/kb/language";
import { enforce } from "./kb-context";

type Totals = { opens: number; sessions: number; submitted: number; deflected: number };

export async function kbReport(actor: Actor, range: { from: Date; to: Date }, lang: "ru" | "en") {
  enforce(canEditArticles(actor));
  const [t] = await db().$queryRaw<{ opens: bigint; sessions: bigint; submitted: bigint }[]>`
    SELECT count(*) AS opens, count(DISTINCT session_key) AS sessions,
           count(DISTINCT session_key) FILTER (WHERE submitted_at IS NOT NULL) AS submitted
    FROM kb_deflections WHERE opened_at >= ${range.from} AND opened_at < ${range.to}`;
  const top = await db().$queryRaw<{ article_id: number; n: bigint }[]>`
    SELECT article_id, count(*) AS n FROM kb_deflections
    WHERE opened_at >= ${range.from} AND opened_at < ${range.to} AND submitted_at IS NULL
    GROUP BY article_id ORDER BY n DESC, article_id LIMIT 5`;
  const arts = await db().kbArticle.findMany({ where: { id: { in: top.map((r) => r.article_id) } }, select: { id: true, slug: true, titleRu: true, titleEn: true, bodyRu: true, bodyEn: true } });
  const [votes] = await db().$queryRaw<{ yes: bigint; no: bigint }[]>`
    SELECT count(*) FILTER (WHERE helpful) AS yes, count(*) FILTER (WHERE NOT helpful) AS no
    FROM kb_votes WHERE updated_at >= ${range.from} AND updated_at < ${range.to}`;
  const totals: Totals = { opens: Number(t!.opens), sessions: Number(t!.sessions), submitted: Number(t!.submitted), deflected: Number(t!.sessions) - Number(t!.submitted) };
  return {
    ...totals,
    votes: { yes: Number(votes!.yes), no: Number(votes!.no) },
    topDeflecting: top.map((r) => {
      const a = arts.find((x) => x.id === r.article_id);
      return { articleId: r.article_id, slug: a?.slug ?? "", title: a ? pickLanguage(a, lang).title : "", count: Number(r.n) };
    }),
  };
}
