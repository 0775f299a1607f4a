// attachment.*: uploads for API clients (base64 in JSON; the browser posts raw bytes to
// /api/uploads instead, for a progress bar) and the limits the upload widget shows.
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { uploadFile, uploadLimits } from "@/server/services/uploads/upload-file";

export const attachmentRouter = createTRPCRouter({
  upload: publicProcedure
    .input(z.object({ fileName: z.string().trim().min(1, "REQUIRED").max(255, "TOO_LONG"), contentBase64: z.string().max(140_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, "INVALID") }))
    .mutation(({ ctx, input }) => uploadFile(ctx.actor, { fileName: input.fileName, data: Buffer.from(input.contentBase64, "base64") })),

  limits: publicProcedure.query(async ({ ctx }) => {
    const l = await uploadLimits(ctx.actor);
    return { maxMb: Math.round(l.maxBytes / 1048576), allowedFileTypes: l.allowedFileTypes };
  }),
});
