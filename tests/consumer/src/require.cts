// The CommonJS side of the exports map: compiled to require("@helpdesk/client").
import { createHelpdeskClient, HelpdeskError } from "@helpdesk/client";

const hd = createHelpdeskClient(process.env.HELPDESK_URL!, process.env.HELPDESK_TOKEN!);
hd.meta.categories
  .query()
  .then((c) => console.log(JSON.stringify({ categories: c.length, errorClass: typeof HelpdeskError })))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
