// mail.*: the inbound mailbox settings page. `testConnection` logs in with the form's values
// (an empty password means the stored one) and reports the result as a code only: the server's
// own words (its banner, its error text) are logged, never echoed, and internal addresses are
// refused unless MAIL_TEST_ALLOW_HOSTS names them (ASVS 5.0 V1.3.6, V13.2.4).
import { z } from "zod";
import { createTRPCRouter, adminProcedure } from "../trpc";
import { mailSettingsSchema } from "@/server/domain/settings/schema";
import { testMailConnection } from "@/server/services/settings/test-mail-connection";

// The form's unsaved values; absent keys fall back to the stored settings (no schema defaults here).
const s = mailSettingsSchema.shape;
const connectionInput = z.object({
  protocol: s.protocol.unwrap().optional(),
  host: s.host.unwrap().optional(),
  port: s.port.unwrap().optional(),
  secure: s.secure.unwrap().optional(),
  allowInvalidCertificate: s.allowInvalidCertificate.unwrap().optional(),
  caPem: s.caPem.unwrap().optional(),
  username: s.username.unwrap().optional(),
  password: s.password.unwrap().optional(),
  folder: s.folder.unwrap().optional(),
});

export const mailRouter = createTRPCRouter({
  testConnection: adminProcedure.input(connectionInput.default({})).mutation(({ ctx, input }) => testMailConnection(input, ctx.requestId)),
});
