// attachment.*: uploads for API clients (base64 in JSON; the browser posts raw bytes to
// /api/uploads instead, for a progress bar) and the limits the upload widget shows.
// The base64 string is bounded by maxUploadMb before it is decoded (the route bounds the body
// the same way, app/api/trpc/[trpc]/route.ts), and anonymous callers are refused first.
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { admitUpload, tooLarge, uploadFile, uploadLimits } from "@/server/services/uploads/upload-file";
import { base64Length } from "../body-limits";

export const attachmentRouter = createTRPCRouter({
  upload: publicProcedure
    .input(z.object({ fileName: z.string().trim().min(1, "REQUIRED").max(255, "TOO_LONG"), contentBase64: z.string().max(140_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, "INVALID") }))
    .mutation(async ({ ctx, input }) => {
      const admitted = await admitUpload(ctx.actor);
      const chars = input.contentBase64.replace(/\s/g, "").length;
      if (chars > base64Length(admitted.maxBytes)) throw tooLarge(admitted.maxBytes);
      return uploadFile(ctx.actor, { fileName: input.fileName, data: Buffer.from(input.contentBase64, "base64") }, admitted);
    }),

  limits: publicProcedure.query(async ({ ctx }) => {
    const l = await uploadLimits(ctx.actor);
    return { maxMb: Math.round(l.maxBytes / 1048576), allowedFileTypes: l.allowedFileTypes };
  }),
});
