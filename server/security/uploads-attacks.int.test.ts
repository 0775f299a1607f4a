// Upload attacks through the real route handlers (issue 8, item 5): POST /api/uploads as a
// signed-in customer, then GET /api/attachments/<id>. Every hostile file is refused, or stored
// and served inert: never text/html or image/svg+xml, never inline unless a raster image,
// always nosniff + a sandboxing CSP, with a sanitized stored name. Zip files are accepted
// (a common way to send logs) but never decompressed by the helpdesk — see SECURITY.md.
// The session is the one thing faked: Auth.js' `auth()` needs Next's request scope, so it
// answers with the session of the customer the test signed in (everything after it is real).
import { describe, it, expect, vi, beforeEach } from "vitest";
import zlib from "node:zlib";
import { db } from "@/server/db/client";
import { makeActor, firstCategoryId, setTicketSettings } from "@/server/testing/factories";
import { callerFor } from "@/server/testing/caller";
import { PNG_1x1 } from "@/server/testing/portal-helpers";
import type { Actor } from "@/server/domain/actor";

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
vi.mock("@/server/auth/config", () => ({ auth: async () => session.current }));

const { POST } = await import("@/app/api/uploads/route");
const { GET } = await import("@/app/api/attachments/[id]/route");

type UserActor = Extract<Actor, { kind: "user" }>;

function signInAs(a: UserActor | null) {
  session.current = a ? { user: { id: a.userId, role: a.role, email: a.email, name: a.name, locale: a.locale } } : null;
}

async function customer(): Promise<UserActor> {
  const { actor } = await makeActor("CUSTOMER");
  return actor as UserActor;
}

async function upload(name: string, data: Buffer | Uint8Array, headers: Record<string, string> = {}) {
  const res = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: new Uint8Array(data), headers: { "x-file-name": encodeURIComponent(name), ...headers } }));
  return { status: res.status, body: (await res.json()) as { id?: string; fileName?: string; contentType?: string; error?: { reason: string } } };
}

async function download(id: string) {
  const res = await GET(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id }) });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The headers every served file must carry, whatever it is. */
function expectInert(res: Response) {
  const type = res.headers.get("content-type") ?? "";
  expect(type).not.toMatch(/html|svg|xml|javascript/i);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
  const disposition = res.headers.get("content-disposition") ?? "";
  if (!/^image\/(png|jpeg|gif|webp)$/.test(type)) expect(disposition).toMatch(/^attachment;/);
  // the ASCII fallback name cannot break out of the header or carry control / bidi characters
  expect(/filename="([^"]*)"/.exec(disposition)?.[1]).toMatch(/^[\x20-\x7e]*$/);
}

// ── hostile files ──
const SVG_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>');
const SVG_NO_PROLOG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const HTML = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
const HTML_LEADING_SPACE = Buffer.from("\n\n   <html><script>alert(1)</script>");
const GIF_POLYGLOT = Buffer.concat([Buffer.from("GIF89a/*\x01\x00\x01\x00\x80\x00\x00", "latin1"), Buffer.from("*/=1;alert(document.cookie);//<html><script>alert(1)</script></html>")]);
const JPEG_POLYGLOT = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>")]);
const PDF_JS = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj << /S /JavaScript /JS (app.alert\\('pdf'\\)) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A zip of deflated entries; `declare` overrides the uncompressed size written in the headers. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const comp = zlib.deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc32(e.data), 14); local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12); central.writeUInt32LE(crc32(e.data), 16); central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

beforeEach(() => signInAs(null));

describe("uploads under attack (POST /api/uploads → GET /api/attachments/<id>)", () => {
  it("ASVS 5.0 V5.2.2/V3.2.2: script-carrying types are refused by content whatever the name — SVG, HTML renamed to .png/.jpg/.txt/.pdf", async () => {
    signInAs(await customer());
    for (const [name, data] of [
      ["logo.svg", SVG_SCRIPT], ["logo.png", SVG_SCRIPT], ["logo.svg", SVG_NO_PROLOG], ["icon.png", SVG_NO_PROLOG],
      ["invoice.png", HTML], ["photo.jpg", HTML], ["notes.txt", HTML], ["notes.txt", HTML_LEADING_SPACE], ["report.pdf", HTML], ["page.html", HTML],
      ["app.js", Buffer.from("alert(1)")], ["setup.exe", Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1")],
    ] as const) {
      const r = await upload(name, data);
      expect(r.status, name).toBe(400);
      expect(r.body.error?.reason, name).toBe("FILE_TYPE_NOT_ALLOWED");
    }
    expect(await db().attachment.count()).toBe(0);
  });

  it("ASVS 5.0 V5.2.2/V3.2.1: polyglots (GIF/JPEG header + HTML/JS) are stored as the image they claim and served inert", async () => {
    signInAs(await customer());
    for (const [name, data, type] of [["cat.gif", GIF_POLYGLOT, "image/gif"], ["cat.html", GIF_POLYGLOT, "image/gif"], ["me.jpg", JPEG_POLYGLOT, "image/jpeg"]] as const) {
      const r = await upload(name, data);
      expect(r.status, name).toBe(201);
      expect(r.body.contentType).toBe(type);
      expect(r.body.fileName).toMatch(type === "image/gif" ? /\.gif$/ : /\.jpg$/);
      const { res, bytes } = await download(r.body.id!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(type);
      expectInert(res);
      expect(bytes.equals(data)).toBe(true);
    }
  });

  it("ASVS 5.0 V3.2.1/V5.4.1: a text file with markup and a PDF with JavaScript are downloads only (Content-Disposition: attachment)", async () => {
    signInAs(await customer());
    const pdf = await upload("statement.pdf", PDF_JS);
    expect(pdf.status).toBe(201);
    const { res } = await download(pdf.body.id!);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="statement\.pdf"/);
    expectInert(res);
    const txt = await upload("log.txt", Buffer.from("error at line 3\n<script>alert(1)</script>\n"));
    expect(txt.status).toBe(201);
    const t = await download(txt.body.id!);
    expect(t.res.headers.get("content-type")).toBe("text/plain");
    expect(t.res.headers.get("content-disposition")).toMatch(/^attachment;/);
    expectInert(t.res);
  });

  it("ASVS 5.0 V5.2.3: a zip bomb by declared size (4 GiB in the central directory) and a deflate bomb are stored as-is, never decompressed", async () => {
    signInAs(await customer());
    const declared = zip([{ name: "huge.bin", data: Buffer.from("tiny"), declare: 0xffffffff }, { name: "huge2.bin", data: Buffer.from("tiny"), declare: 0xfffffffe }]);
    // 16 MiB of zeros → ~16 KiB; named like an Office part so file-type probes it (with its own 1 MiB cap)
    const bomb = zip([{ name: "[Content_Types].xml", data: Buffer.alloc(16 * 1024 * 1024) }, { name: "word/document.xml", data: Buffer.alloc(4 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const rss = process.memoryUsage().rss;
    for (const [name, data] of [["logs.zip", declared], ["report.docx", bomb], ["logs.zip", bomb]] as const) {
      const started = Date.now();
      const r = await upload(name, data);
      expect(Date.now() - started, name).toBeLessThan(5_000);
      // refused as not-a-known-type, or stored byte for byte as the zip the bytes are
      if (r.status === 201) {
        const row = await db().attachment.findUniqueOrThrow({ where: { id: r.body.id! } });
        expect(row.size, name).toBe(data.length);
        const { res, bytes } = await download(r.body.id!);
        expect(bytes.equals(data)).toBe(true);
        expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
        expectInert(res);
      } else {
        expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(400);
      }
    }
    expect((await upload("logs.zip", declared)).status).toBe(201);
    expect(process.memoryUsage().rss - rss).toBeLessThan(48 * 1024 * 1024);
  });

  it("ASVS 5.0 V5.2.1: oversize files are refused — by Content-Length before reading, and by counting the bytes streamed", async () => {
    signInAs(await customer());
    await setTicketSettings({ maxUploadMb: 1 });
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(1024 * 1024)]);
    const r = await upload("big.png", big);
    expect(r.status).toBe(413);
    expect(r.body.error?.reason).toBe("FILE_TOO_LARGE");
    // a lying Content-Length is refused up front; a stream without one is cut at the cap
    const declared = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: PNG_1x1, headers: { "x-file-name": "a.png", "content-length": String(10 * 1024 * 1024 * 1024) } }));
    expect(declared.status).toBe(413);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent > 50 * 1024 * 1024) return c.close();
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const streamed = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: stream, headers: { "x-file-name": "a.png" }, duplex: "half" } as RequestInit));
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(3 * 1024 * 1024);
    expect(await db().attachment.count()).toBe(0);
  });

  it("ASVS 5.0 V5.3.2/V5.4.2: path traversal, null bytes, control characters and header injection in names give a plain stored name", async () => {
    signInAs(await customer());
    for (const [name, want] of [
      ["../../../etc/passwd.png", "passwd.png"],
      ["..\\..\\windows\\win.ini.png", "win.ini.png"],
      ["/absolute/path/shot.png", "shot.png"],
      ["..", "file.png"],
      ["shot.png\u0000.html", "shot.png_.png"],
      ["evil\u0000.png", "evil_.png"],
      ['a"; filename="evil.html.png', "a__ filename=_evil.html.png"],
      ["line\r\nContent-Type: text/html.png", "html.png"],
      ["line\r\nX-Evil: 1.png", "line__X-Evil_ 1.png"],
      ["<img src=x onerror=alert(1)>.png", "_img src=x onerror=alert(1)_.png"],
    ] as const) {
      const r = await upload(name, PNG_1x1);
      expect(r.status, name).toBe(201);
      expect(r.body.fileName, name).toBe(want);
      const { res } = await download(r.body.id!);
      expectInert(res);
      expect(res.headers.get("content-disposition")).not.toMatch(/[\r\n]/);
    }
    // a name that does not decode is refused before anything is stored
    const bad = await POST(new Request("http://localhost/api/uploads", { method: "POST", body: PNG_1x1, headers: { "x-file-name": "%E0%A4%A.png" } }));
    expect(bad.status).toBe(400);
  });

  it("ASVS 5.0 V5.4.1/V5.4.2: bidi overrides, invisible characters and look-alike extensions cannot disguise the type", async () => {
    signInAs(await customer());
    for (const [name, want] of [
      ["invoice\u202Egnp.exe", "invoice_gnp.png"],
      ["invoice\u202Efdp.exe.png", "invoice_fdp.exe.png"],
      ["report\u2066\u2069\u200F\u200E\u061C.png", "report_____.png"],
      ["zero\u200B\u200D\uFEFFwidth.png", "zero___width.png"],
      ["photo.\uFF45\uFF58\uFF45", "photo.\uFF45\uFF58\uFF45.png"],
      ["photo\u2024exe", "photo\u2024exe.png"],
      ["photo.exe", "photo.png"],
      ["photo.svg", "photo.png"],
    ] as const) {
      const r = await upload(name, PNG_1x1);
      expect(r.status, JSON.stringify(name)).toBe(201);
      expect(r.body.fileName, JSON.stringify(name)).toBe(want);
      expect(r.body.fileName).toMatch(/\.png$/);
      expect(r.body.fileName).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/);
      const { res } = await download(r.body.id!);
      expect(res.headers.get("content-type")).toBe("image/png");
      expectInert(res);
    }
  });

  it("ASVS 5.0 V8.2.2: another user's attachment URL answers 404, as an unknown id does; so does anonymous", async () => {
    const a = await customer();
    signInAs(a);
    const up = await upload("mine.png", PNG_1x1);
    const unclaimed = await upload("draft.png", PNG_1x1);
    await callerFor(a).ticket.create({ title: "With a file", body: "see attached", categoryId: await firstCategoryId(), attachmentIds: [up.body.id!] });
    expect((await download(up.body.id!)).res.status).toBe(200);
    const b = await customer();
    signInAs(b);
    for (const id of [up.body.id!, unclaimed.body.id!, "does-not-exist", "../../etc/passwd", "%2e%2e"]) {
      const { res, bytes } = await download(id);
      expect(res.status, id).toBe(404);
      expect(bytes.toString()).toBe("Not found");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    signInAs(null);
    expect((await download(up.body.id!)).res.status).toBe(404);
    // and anonymous cannot upload at all
    expect((await upload("x.png", PNG_1x1)).status).toBe(403);
  });
});
