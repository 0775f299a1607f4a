import { startPatchesoft } from "@/server/testing/mariadb-patchesoft";
const ps = await startPatchesoft(200);
console.log(`URL=${ps.url}`);
console.log(`FILES=${ps.filesDir}`);
process.on("SIGTERM", async () => { await ps.stop(); process.exit(0); });
setInterval(() => {}, 1000);
