// Patchesoft's site_settings → this helpdesk's ticket and mail settings (validated by the same
// schemas as the settings pages; the IMAP password sealed like every secret), and the legacy
// threading row: Patchesoft's ticket string and title setting plus the highest imported
// ticket number, read by the mail door so replies to old notifications still thread.
import { updateSettings } from "@/server/platform/settings/settings-store";
import { SOURCE, inBatch, type ImportContext } from "./context";
import { reconcile } from "./reconcile";
import { int, str, type Row } from "./source";
import { repairText } from "./mojibake";
import { LEGACY_SETTING_KEY, type LegacyThreading } from "@/server/domain/mail/legacy-thread";

function ticketSettings(ctx: ImportContext, s: Row) {
  const status = (v: unknown) => (int(v) > 0 && ctx.statuses.has(int(v)) ? ctx.statuses.get(int(v))! : "none");
  const types = str(s.file_types).toLowerCase().split("|").map((t) => t.trim()).filter((t) => /^[a-z0-9]{1,10}$/.test(t));
  return {
    allowUploads: int(s.enable_ticket_uploads) === 1, allowGuestTickets: int(s.enable_ticket_guests) === 1, allowTicketEdit: int(s.enable_ticket_edit) === 1,
    requireLogin: int(s.require_login) === 1, allowRating: int(s.ticket_rating) === 1, closeNotesOnClose: int(s.ticket_note_close) === 1,
    statusOnStaffReply: status(s.staff_status), statusOnClientReply: status(s.client_status), ...(types.length ? { allowedFileTypes: types } : {}),
  };
}

function mailSettings(ctx: ImportContext, s: Row) {
  // protocol_path is "host:port" (PHP imap_open's mailbox without braces)
  const [host, port] = str(s.protocol_path).trim().split(":");
  const ref = (m: Map<number, number>, v: unknown) => (m.has(int(v)) ? m.get(int(v))! : "auto");
  const title = repairText(str(s.ticket_title)).trim();
  // the install's language is Russian here: its ticket and reply strings become the Russian ones
  const ticketString = repairText(str(s.imap_ticket_string)).trim();
  const replyString = repairText(str(s.imap_reply_string)).trim();
  return {
    protocol: int(s.protocol) === 2 ? "pop3" : "imap", host: host ?? "", ...(Number(port) > 0 ? { port: Number(port) } : {}), secure: int(s.protocol_ssl) === 1,
    allowInvalidCertificate: int(s.disable_cert) === 1, username: str(s.protocol_email).trim(), password: str(s.protocol_password), folder: "INBOX",
    ...(title ? { defaultTitle: title.slice(0, 200) } : {}), ...(ticketString.length >= 3 ? { ticketStringRu: ticketString.slice(0, 100) } : {}),
    ...(replyString.length >= 5 ? { replyStringRu: replyString.slice(0, 200) } : {}), defaultCategoryId: ref(ctx.categories, s.default_category), defaultStatusId: ref(ctx.statuses, s.default_status),
  };
}

export async function importSettings(ctx: ImportContext, maxTicketId: number): Promise<void> {
  const [s] = await ctx.src.all("site_settings");
  if (!s) return ctx.summary.skip("settings", "no site_settings row");
  const legacy: LegacyThreading = {
    ticketStrings: [repairText(str(s.imap_ticket_string)).trim()].filter(Boolean),
    subjectTitles: [repairText(str(s.ticket_title)).trim()].filter(Boolean),
    replyStrings: [repairText(str(s.imap_reply_string)).trim()].filter(Boolean),
    maxTicketId,
  };
  const groups = { tickets: ticketSettings(ctx, s), mail: mailSettings(ctx, s), legacy };
  await inBatch(ctx, () =>
    reconcile(ctx, "settings", Object.entries(groups).map(([k, row]) => ({ sourceId: k, row })), {
      async insert(ps) {
        for (const p of ps) await write(ctx, p.sourceId, p.row as Record<string, unknown>);
        return ps.map((p) => p.sourceId);
      },
      update: (_id, p) => write(ctx, p.sourceId, p.row as Record<string, unknown>),
    }),
  );
}

async function write(ctx: ImportContext, group: string, values: Record<string, unknown>) {
  if (group === "legacy") {
    await ctx.pg.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [LEGACY_SETTING_KEY, JSON.stringify({ ...values, source: SOURCE })],
    );
    return;
  }
  // through the settings store: the same validation as the settings pages, secrets sealed.
  // (Its own connection: a failed batch rolls back only the map row, and the rerun writes again.)
  try {
    await updateSettings(group as "tickets" | "mail", values);
  } catch (e) {
    ctx.summary.skip("settings", `${group} settings refused: ${e instanceof Error ? e.message : String(e)}`);
  }
}
