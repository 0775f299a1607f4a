// API tokens are stored as sha256 only; the plain token is shown once when created.
import crypto from "node:crypto";

export const hashToken = (t: string) => crypto.createHash("sha256").update(t).digest("hex");
