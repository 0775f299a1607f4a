// Seed mails for the reliability suites (crash-safe ingest, mail fuzzing): hand-written RFC 5322
// bytes, so every boundary, encoding and charset is exactly what the test says it is. Each
// builder takes the addresses and the Message-ID (null: none) and returns CRLF bytes.
// Test-only; never imported by app code.
import iconv from "iconv-lite";

export type SeedOpts = { from: string; to: string; messageId: string | null; subject?: string; text?: string; date?: string; extraHeaders?: string[] };

const CRLF = "\r\n";
const crlf = (s: string) => s.replace(/\r?\n/g, CRLF);
// a 1×1 PNG
export const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const b64 = (b: Buffer | string) => (Buffer.isBuffer(b) ? b : Buffer.from(b, "utf8")).toString("base64").replace(/.{76}/g, "$&\r\n");

/** Quoted-printable of UTF-8 text (soft breaks at 76). */
export function qp(text: string): string {
  const bytes = Buffer.from(text.replace(/\r?\n/g, "\n"), "utf8");
  const lines: string[] = [];
  let line = "";
  for (const b of bytes) {
    if (b === 0x0a) {
      lines.push(line);
      line = "";
      continue;
    }
    const ch = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (line.length + ch.length > 75) {
      lines.push(line + "=");
      line = "";
    }
    line += ch;
  }
  lines.push(line);
  return lines.map((l) => (l.endsWith(" ") ? l.slice(0, -1) + "=20" : l)).join(CRLF);
}

function head(o: SeedOpts, contentType: string, more: string[] = []): string {
  const h = [
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Subject: ${o.subject ?? "Seed mail"}`,
    ...(o.messageId ? [`Message-ID: ${o.messageId}`] : []),
    `Date: ${o.date ?? "Mon, 01 Jan 2024 10:00:00 +0000"}`,
    "MIME-Version: 1.0",
    ...(o.extraHeaders ?? []),
    `Content-Type: ${contentType}`,
    ...more,
  ];
  return h.join(CRLF) + CRLF + CRLF;
}

const text = (o: SeedOpts, fallback: string) => o.text ?? fallback;

export function plainMail(o: SeedOpts): Buffer {
  return Buffer.from(head(o, "text/plain; charset=utf-8", ["Content-Transfer-Encoding: 8bit"]) + crlf(text(o, "Hello,\nthe printer is on fire.\n")) + CRLF, "utf8");
}

export function alternativeQpMail(o: SeedOpts): Buffer {
  const t = text(o, "Grüße — the invoice is wrong.\nLine two with = sign.\n");
  const body =
    `--alt-1${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${qp(t)}${CRLF}` +
    `--alt-1${CRLF}Content-Type: text/html; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${qp(`<p>${t.replace(/\n/g, "<br>")}</p>`)}${CRLF}` +
    `--alt-1--${CRLF}`;
  return Buffer.from(head(o, `multipart/alternative; boundary="alt-1"`) + body, "utf8");
}

export function attachmentMail(o: SeedOpts): Buffer {
  const body =
    `--mix-1${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${crlf(text(o, "See the attached scan.\n"))}${CRLF}` +
    `--mix-1${CRLF}Content-Type: application/pdf; name="scan.pdf"${CRLF}Content-Disposition: attachment; filename="scan.pdf"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(PDF)}${CRLF}` +
    `--mix-1${CRLF}Content-Type: text/csv; name="data.csv"${CRLF}Content-Disposition: attachment; filename="data.csv"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64("a,b\n1,2\n")}${CRLF}` +
    `--mix-1--${CRLF}`;
  return Buffer.from(head(o, `multipart/mixed; boundary="mix-1"`) + body, "utf8");
}

export function inlineImageMail(o: SeedOpts): Buffer {
  const body =
    `--rel-1${CRLF}Content-Type: text/html; charset=utf-8${CRLF}${CRLF}<p>${text(o, "Look:")}</p><img src="cid:img1@seed">${CRLF}` +
    `--rel-1${CRLF}Content-Type: image/png${CRLF}Content-ID: <img1@seed>${CRLF}Content-Disposition: inline; filename="dot.png"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(PNG_1PX)}${CRLF}` +
    `--rel-1--${CRLF}`;
  return Buffer.from(head(o, `multipart/related; boundary="rel-1"; type="text/html"`) + body, "utf8");
}

export function windows1251Mail(o: SeedOpts): Buffer {
  const subject = `=?windows-1251?B?${iconv.encode(o.subject ?? "Заявка: не печатает принтер", "windows-1251").toString("base64")}?=`;
  const h = head({ ...o, subject }, "text/plain; charset=windows-1251", ["Content-Transfer-Encoding: 8bit"]);
  return Buffer.concat([Buffer.from(h, "ascii"), iconv.encode(crlf(text(o, "Здравствуйте!\nПринтер не печатает.\n")), "windows-1251"), Buffer.from(CRLF)]);
}

export function base64Mail(o: SeedOpts): Buffer {
  return Buffer.from(head(o, "text/plain; charset=utf-8", ["Content-Transfer-Encoding: base64"]) + b64(text(o, "Base64 body.\nSecond line.\n")) + CRLF, "utf8");
}

export function nestedMail(o: SeedOpts): Buffer {
  const t = text(o, "Nested body.\n");
  const body =
    `--outer${CRLF}Content-Type: multipart/alternative; boundary="inner"${CRLF}${CRLF}` +
    `--inner${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${crlf(t)}${CRLF}` +
    `--inner${CRLF}Content-Type: multipart/related; boundary="deep"${CRLF}${CRLF}` +
    `--deep${CRLF}Content-Type: text/html; charset=utf-8${CRLF}${CRLF}<div>${t}<img src="cid:n1@seed"></div>${CRLF}` +
    `--deep${CRLF}Content-Type: image/png${CRLF}Content-ID: <n1@seed>${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${b64(PNG_1PX)}${CRLF}` +
    `--deep--${CRLF}--inner--${CRLF}` +
    `--outer${CRLF}Content-Type: message/rfc822${CRLF}${CRLF}${plainMail({ from: "old@client.example", to: o.to, messageId: null, subject: "forwarded" }).toString("utf8")}${CRLF}` +
    `--outer--${CRLF}`;
  return Buffer.from(head(o, `multipart/mixed; boundary="outer"`) + body, "utf8");
}

/** A delivery-status bounce (multipart/report) from MAILER-DAEMON: automatic mail. */
export function bounceMail(o: SeedOpts): Buffer {
  const body =
    `--rep-1${CRLF}Content-Type: text/plain; charset=us-ascii${CRLF}${CRLF}Delivery to the following recipient failed permanently:${CRLF}${CRLF}    nobody@client.example${CRLF}` +
    `--rep-1${CRLF}Content-Type: message/delivery-status${CRLF}${CRLF}Reporting-MTA: dns; mx.client.example${CRLF}${CRLF}Final-Recipient: rfc822; nobody@client.example${CRLF}Action: failed${CRLF}Status: 5.1.1${CRLF}${CRLF}` +
    `--rep-1${CRLF}Content-Type: text/rfc822-headers${CRLF}${CRLF}From: ${o.to}${CRLF}To: nobody@client.example${CRLF}Subject: [#1] Your ticket${CRLF}${CRLF}` +
    `--rep-1--${CRLF}`;
  return Buffer.from(head({ ...o, from: o.from.includes("mailer-daemon") ? o.from : "Mail Delivery Subsystem <mailer-daemon@mx.client.example>", subject: o.subject ?? "Delivery Status Notification (Failure)" }, `multipart/report; report-type=delivery-status; boundary="rep-1"`, ["Auto-Submitted: auto-replied"]) + body, "utf8");
}

/** An out-of-office answer (Auto-Submitted): automatic mail. */
export function autoReplyMail(o: SeedOpts): Buffer {
  return plainMail({ ...o, subject: o.subject ?? "Out of office", text: o.text ?? "I am away until Monday.\n", extraHeaders: ["Auto-Submitted: auto-replied", "X-Autoreply: yes", ...(o.extraHeaders ?? [])] });
}

export const SEEDS = {
  plain: plainMail,
  alternativeQp: alternativeQpMail,
  attachment: attachmentMail,
  inlineImage: inlineImageMail,
  windows1251: windows1251Mail,
  base64: base64Mail,
  nested: nestedMail,
  bounce: bounceMail,
} as const;
export type SeedName = keyof typeof SEEDS;
export const SEED_NAMES = Object.keys(SEEDS) as SeedName[];
