// linted as server/mail/outbound/fixture.ts: mail reaching up into a use case
import { registerUser } from "@/server/services/users/register-user";

export const up = registerUser;
