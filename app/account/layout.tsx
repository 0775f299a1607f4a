import { SiteFrame } from "@/app/_components/site-frame";
import { getActor } from "@/app/_lib/actor";

export const dynamic = "force-dynamic";

// Frame only; the page checks access itself (layouts do not re-run on client navigation).
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame actor={await getActor()} area="portal">{children}</SiteFrame>;
}
