// Writes the reply corpus: one RFC 5322 .eml per case (text/plain, text/html or
// multipart/alternative, in the language's own charset and transfer encoding) and its expected
// reply in <name>.expected.txt. Run after changing a table:
//   npx tsx server/domain/mail/__fixtures__/replies/build-replies.ts
// The .eml files are committed; reply-fixtures.test.ts parses them as ingest does.
import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { LANGUAGES, type Language } from "./languages";
import { SHAPES, SUPPORT, type ReplyCase } from "./shapes";
import { SPECIAL_CASES } from "./special-cases";

const OUT = path.join(import.meta.dirname, "eml");

function qp(buf: Buffer): string {
  let out = "";
  let line = "";
  const push = (s: string) => {
    if (line.length + s.length > 75) {
      out += `${line}=\r\n`;
      line = "";
    }
    line += s;
  };
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b === 0x0a) {
      out += `${line.replace(/[ \t]$/, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}\r\n`;
      line = "";
    } else if ((b >= 33 && b <= 126 && b !== 61) || b === 32) push(String.fromCharCode(b));
    else push(`=${b.toString(16).toUpperCase().padStart(2, "0")}`);
  }
  return out + line;
}

const b64 = (buf: Buffer) => (buf.toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");

function part(type: "plain" | "html", body: string, l: Pick<Language, "charset" | "cte">): Buffer {
  const bytes = iconv.encode(body.replace(/\r?\n/g, "\n"), l.charset);
  const head = `Content-Type: text/${type}; charset="${l.charset}"\r\nContent-Transfer-Encoding: ${l.cte}\r\n\r\n`;
  const encoded =
    l.cte === "base64" ? Buffer.from(b64(bytes)) : l.cte === "quoted-printable" ? Buffer.from(qp(bytes)) : Buffer.from(bytes.toString("latin1").replace(/\n/g, "\r\n"), "latin1");
  return Buffer.concat([Buffer.from(head), encoded, Buffer.from("\r\n")]);
}

const encodeWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString("base64")}?=`);

export function buildEml(c: ReplyCase, l: Pick<Language, "charset" | "cte">, n: number): Buffer {
  const head = [
    `From: Anna Customer <anna@customer.example>`,
    `To: ${SUPPORT.name} <${SUPPORT.addr}>`,
    `Subject: ${encodeWord(c.subject)}`,
    `Date: Mon, 06 Oct 2025 11:${String(n % 60).padStart(2, "0")}:00 +0000`,
    `Message-ID: <reply-fixture-${n}@customer.example>`,
    `In-Reply-To: <ticket-1042.fixture@helpdesk.example>`,
    `MIME-Version: 1.0`,
  ].join("\r\n");
  if (c.text !== undefined && c.html !== undefined) {
    const boundary = `----=_Part_${n}_fixture`;
    return Buffer.concat([
      Buffer.from(`${head}\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n--${boundary}\r\n`),
      part("plain", c.text, l),
      Buffer.from(`--${boundary}\r\n`),
      part("html", c.html, l),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
  }
  return Buffer.concat([Buffer.from(`${head}\r\n`), part(c.text !== undefined ? "plain" : "html", c.text ?? c.html!, l)]);
}

export function allCases(): { file: string; lang: string; c: ReplyCase; l: Pick<Language, "charset" | "cte"> }[] {
  const out: { file: string; lang: string; c: ReplyCase; l: Pick<Language, "charset" | "cte"> }[] = [];
  for (const l of LANGUAGES) for (const shape of Object.values(SHAPES)) out.push({ file: "", lang: l.code, c: shape(l), l });
  for (const s of SPECIAL_CASES) out.push({ file: "", lang: s.lang, c: s, l: { charset: s.charset ?? "utf-8", cte: s.cte ?? "quoted-printable" } });
  return out.map((x, i) => ({ ...x, file: `${String(i + 1).padStart(3, "0")}-${x.lang}-${x.c.name}` }));
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  allCases().forEach(({ file, c, l }, i) => {
    fs.writeFileSync(path.join(OUT, `${file}.eml`), buildEml(c, l, i + 1));
    fs.writeFileSync(path.join(OUT, `${file}.expected.txt`), `${c.expected}\n`);
    if (c.forwardedBody) fs.writeFileSync(path.join(OUT, `${file}.forwarded.txt`), `${c.forwardedBody}\n`);
  });
  console.log(`wrote ${allCases().length} cases to ${OUT}`);
}
