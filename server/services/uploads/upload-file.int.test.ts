// Uploads: magic-byte type check, size cap from the settings, sanitized names, the policy
// (allowUploads), claiming on create/reply, and the download authorization.
import { describe, it, expect } from "vitest";
import { callerFor } from "@/server/testing/caller";
import { makeActor, setTicketSettings, firstCategoryId } from "@/server/testing/factories";
import { customerWithTicket, guestActor, PNG_1x1, PDF_BYTES } from "@/server/testing/portal-helpers";
import { db } from "@/server/db/client";
import { anonymous } from "@/server/domain/actor";
import { uploadFile } from "./upload-file";
import { readAttachment } from "./read-attachment";
import { sanitizeFileName, checkFileType, isSafeInlineImage } from "@/server/platform/storage/file-check";

const b64 = (b: Buffer) => b.toString("base64");

describe("attachment.upload and claiming", () => {
  it("stores a PNG by content, then ticket.create claims it; the owner and staff may download it", async () => {
    const { actor } = await makeActor("CUSTOMER");
    const up = await callerFor(actor).attachment.upload({ fileName: "../../etc/screen shot.png", contentBase64: b64(PNG_1x1) });
    expect(up).toMatchObject({ fileName: "screen shot.png", contentType: "image/png", size: PNG_1x1.length });
    const t = await callerFor(actor).ticket.create({ title: "See the screenshot", body: "attached", categoryId: await firstCategoryId(), attachmentIds: [up.id] });
    const dto = await callerFor(actor).ticket.byId({ id: t.id });
    expect(dto.attachments.map((a) => a.id)).toEqual([up.id]);
    expect((await readAttachment(actor, up.id)).data.equals(PNG_1x1)).toBe(true);
    const { actor: agent } = await makeActor("AGENT");
    expect((await readAttachment(agent, up.id)).contentType).toBe("image/png");
  });

  it("someone else, an anonymous visitor, or a guest of another ticket gets NOT_FOUND", async () => {
    const { actor, user, ticketId } = await customerWithTicket();
    const up = await uploadFile(actor, { fileName: "doc.pdf", data: PDF_BYTES });
    await callerFor(actor).ticket.reply({ ticketId, body: "the pdf", attachmentIds: [up.id] });
    const { actor: other } = await makeActor("CUSTOMER");
    await expect(readAttachment(other, up.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readAttachment(anonymous, up.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readAttachment(guestActor(user.id, ticketId + 1), up.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readAttachment(guestActor(user.id, ticketId), up.id)).fileName).toBe("doc.pdf");
    // an unclaimed upload is only its uploader's
    const mine = await uploadFile(actor, { fileName: "x.png", data: PNG_1x1 });
    await expect(readAttachment(other, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // and cannot be claimed by someone else
    const err = await callerFor(other).ticket.create({ title: "Stealing a file", body: "b", categoryId: await firstCategoryId(), attachmentIds: [mine.id] }).catch((e) => e);
    expect(err.cause.reason).toBe("UNKNOWN_ATTACHMENT");
    expect(await db().ticket.count()).toBe(1);
  });

  it("refuses forbidden types by content, not by name: HTML named .png, SVG, an exe", async () => {
    const { actor } = await makeActor("CUSTOMER");
    for (const [name, data] of [
      ["evil.png", Buffer.from("<html><script>alert(1)</script></html>")],
      ["logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
      ["notes.txt", Buffer.from("<!doctype html><p>hi")],
      ["tool.pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1")],
    ] as const) {
      await expect(callerFor(actor).attachment.upload({ fileName: name, contentBase64: b64(data) }), name).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { reason: "FILE_TYPE_NOT_ALLOWED" } });
    }
    const txt = await uploadFile(actor, { fileName: "log.txt", data: Buffer.from("plain text log\nline 2\n") });
    expect(txt.contentType).toBe("text/plain");
    await setTicketSettings({ allowedFileTypes: ["pdf"] });
    await expect(uploadFile(actor, { fileName: "a.png", data: PNG_1x1 })).rejects.toMatchObject({ reason: "FILE_TYPE_NOT_ALLOWED" });
    expect(await db().attachment.count()).toBe(1);
  });

  it("the size cap comes from maxUploadMb; UPLOADS_DISABLED when off; anonymous must sign in", async () => {
    const { actor } = await makeActor("CUSTOMER");
    await setTicketSettings({ maxUploadMb: 1 });
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(1024 * 1024)]);
    await expect(uploadFile(actor, { fileName: "big.pdf", data: big })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", reason: "FILE_TOO_LARGE" });
    await expect(callerFor(anonymous).attachment.upload({ fileName: "a.png", contentBase64: b64(PNG_1x1) })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "LOGIN_REQUIRED" } });
    await setTicketSettings({ allowUploads: false });
    await expect(callerFor(actor).attachment.upload({ fileName: "a.png", contentBase64: b64(PNG_1x1) })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "UPLOADS_DISABLED" } });
    expect(await db().attachment.count()).toBe(0);
  });

  it("turning uploads off refuses claiming already uploaded files; the reply is not half-saved", async () => {
    const { actor, ticketId } = await customerWithTicket();
    const up = await uploadFile(actor, { fileName: "a.png", data: PNG_1x1 });
    await setTicketSettings({ allowUploads: false });
    await expect(callerFor(actor).ticket.reply({ ticketId, body: "with file", attachmentIds: [up.id] })).rejects.toMatchObject({ code: "FORBIDDEN", cause: { reason: "UPLOADS_DISABLED" } });
    expect(await db().message.count()).toBe(0);
  });
});

describe("file names and types (pure helpers)", () => {
  it("sanitizes names", () => {
    expect(sanitizeFileName("..\\..\\windows\\sys.png")).toBe("sys.png");
    expect(sanitizeFileName('a<b>:c"|?*.pdf')).toBe("a_b__c____.pdf");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName("photo.exe", "png")).toBe("photo.png");
    expect(sanitizeFileName("x".repeat(300) + ".pdf").length).toBe(124);
  });
  it("only raster images are inline", async () => {
    expect(isSafeInlineImage("image/png")).toBe(true);
    expect(isSafeInlineImage("image/svg+xml")).toBe(false);
    expect(isSafeInlineImage("text/html")).toBe(false);
    expect(await checkFileType("a.svg", Buffer.from("<svg/>"), ["svg", "png"])).toEqual({ ok: false, reason: "FILE_TYPE_NOT_ALLOWED" });
  });
});
