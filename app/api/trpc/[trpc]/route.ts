// The tRPC door for browsers and API clients: the guards and the handler live in
// server/api/trpc-fetch-handler.ts (bin/serve.ts answers Bearer-token calls with the same one).
import { trpcFetchHandler } from "@/server/api/trpc-fetch-handler";

export { trpcFetchHandler as GET, trpcFetchHandler as POST };
