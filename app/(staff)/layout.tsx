import { SiteFrame } from "@/app/_components/site-frame";
import { getActor } from "@/app/_lib/actor";

export const dynamic = "force-dynamic";

// Frame only; each staff page checks access itself (requireStaff) and so does every procedure.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame actor={await getActor()} area="staff" wide>{children}</SiteFrame>;
}
