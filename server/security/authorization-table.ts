// THE authorization table (ASVS 5.0 V8.1.1, V8.2.1–V8.2.3): for every tRPC procedure, who may
// call it and a valid input that aims at someone else's data (customer A's ticket, another
// staff member's rows). server/security/authorization-matrix.int.test.ts walks the real
// appRouter and fails for any procedure missing here, so a new procedure needs a decision.
//
// Rules (who is ALLOWED; everyone else must get UNAUTHORIZED / FORBIDDEN / NOT_FOUND and change
// nothing):
//   public    everyone, including anonymous visitors and guests
//   visitor   anyone with an identity: a guest link, customers, staff (not anonymous)
//   user      a signed-in customer or staff member (not a guest link, not anonymous)
//   owner     customer A (the ticket's requester) and staff — not customer B, not B's guest link
//   requester customer A only (e.g. rating: staff do not rate for the customer)
//   staff     every staff member: agents (also one whose teams do not cover customer A's
//             category: foreignAgent), managers and admins
//   scopedStaff staff who may see customer A's ticket: its category is linked to the agent's
//             team (issue 16); foreignAgent must get NOT_FOUND — a managers and admins see all
//   admin     admins only (managers: every ticket and report, no settings)

import type { KbWorld } from "@/server/testing/kb-fixtures";
import { PNG_1x1 } from "@/server/testing/portal-helpers";

export type ActorName = "anonymous" | "guest" | "customerA" | "customerB" | "agent" | "admin" | "manager" | "foreignAgent";
export const ACTORS: ActorName[] = ["anonymous", "guest", "customerB", "customerA", "agent", "admin", "manager", "foreignAgent"];
/** Actors that must never read customer A's ticket in any answer (lists, search, reports). */
export const MUST_NOT_SEE_A: ActorName[] = ["anonymous", "guest", "customerB", "foreignAgent"];

/** the caller's own reply on ticket A when the caller is staff (others get the agent's) */
const staffReplyOf = (w: World, a?: ActorName) => (a === "admin" || a === "manager" || a === "foreignAgent" ? w.staffReplyIds[a] : w.staffReplyIds.agent);

export type Rule = "public" | "visitor" | "user" | "owner" | "requester" | "staff" | "scopedStaff" | "admin";

export const ALLOWED: Record<Rule, ActorName[]> = {
  public: ["anonymous", "guest", "customerA", "customerB", "agent", "admin", "manager", "foreignAgent"],
  visitor: ["guest", "customerA", "customerB", "agent", "admin", "manager", "foreignAgent"],
  user: ["customerA", "customerB", "agent", "admin", "manager", "foreignAgent"],
  owner: ["customerA", "agent", "admin", "manager"],
  requester: ["customerA"],
  staff: ["agent", "admin", "manager", "foreignAgent"],
  scopedStaff: ["agent", "admin", "manager"],
  admin: ["admin"],
};

/** Ids of the fixture world (built fresh by the test); everything targets A or staff rows. */
export type World = {
  ticketA: number;
  ticketAVersion: () => Promise<number>;
  closedTicketA: number;
  ticketB: number;
  agentId: number;
  adminId: number;
  customerAId: number;
  /** customer A's tickets are here; linked to the agent's team */
  categoryId: number;
  /** linked to foreignAgent's team only */
  foreignCategoryId: number;
  teamId: number;
  statusId: number;
  otherStatusId: number;
  cannedReplyId: number;
  apiTokenId: number;
  outboxId: number;
  kb: KbWorld;
  /** issue 15: "high" and "low" (unused), and a text field for every category, customer-editable */
  priorityId: number;
  otherPriorityId: number;
  customFieldId: number;
  /** a public reply on ticket A written by each staff actor (issue 15.8: one edits only one's own) */
  /** one reply of each staff actor on ticket A: only its author may edit it */
  staffReplyIds: { agent: number; admin: number; manager: number; foreignAgent: number };
  /** issue 16.4: a saved view of the admin's, shared with nobody (only its owner may touch it) */
  savedViewId: number;
};

export type Entry = {
  rule: Rule;
  /** `actor`: who will call it, for rows that act on the caller's own row (one's own reply) */
  input: (w: World, actor?: ActorName) => unknown | Promise<unknown>;
  /** the fixture has no row for this id (e.g. quarantine): NOT_FOUND counts as allowed */
  notFoundOk?: boolean;
};

const day = 86_400_000;
const range = () => ({ from: new Date(Date.now() - 30 * day), to: new Date() });
const none = () => undefined;

export const AUTHORIZATION_TABLE: Record<string, Entry> = {
  // tickets: portal
  "ticket.create": { rule: "user", input: (w) => ({ title: "New one", body: "Body text", categoryId: w.categoryId }) },
  "ticket.createGuest": { rule: "public", input: (w) => ({ title: "New one", body: "Body text", categoryId: w.categoryId, name: "Visitor", email: "visitor@example.test" }) },
  "ticket.list": { rule: "user", input: () => ({}) },
  "ticket.byId": { rule: "owner", input: (w) => ({ id: w.ticketA }) },
  "ticket.reply": { rule: "owner", input: (w) => ({ ticketId: w.ticketA, body: "Reply from someone" }) },
  "ticket.update": { rule: "owner", input: (w) => ({ ticketId: w.ticketA, title: "Changed title" }) },
  "ticket.rate": { rule: "requester", input: (w) => ({ ticketId: w.closedTicketA, rating: 5 }) },
  "ticket.previewMarkdown": { rule: "visitor", input: () => ({ body: "**hi**" }) },
  // tickets: staff
  "ticket.counts": { rule: "staff", input: none },
  "ticket.staffSettings": { rule: "staff", input: none },
  "ticket.setStatus": { rule: "scopedStaff", input: async (w) => ({ ticketId: w.ticketA, version: await w.ticketAVersion(), statusId: w.otherStatusId }) },
  "ticket.assign": { rule: "scopedStaff", input: async (w) => ({ ticketId: w.ticketA, version: await w.ticketAVersion(), assigneeId: w.agentId }) },
  "ticket.setCategory": { rule: "scopedStaff", input: async (w) => ({ ticketId: w.ticketA, version: await w.ticketAVersion(), categoryId: w.foreignCategoryId }) },
  "ticket.addNote": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketA, body: "Internal note" }) },
  "ticket.setRequester": { rule: "admin", input: async (w) => ({ ticketId: w.ticketA, version: await w.ticketAVersion(), name: "New Requester", email: "new-requester@example.test" }) },
  "ticket.setPriority": { rule: "scopedStaff", input: async (w) => ({ ticketId: w.ticketA, version: await w.ticketAVersion(), priorityId: w.priorityId }) },
  "ticket.setFields": { rule: "owner", input: (w) => ({ ticketId: w.ticketA, values: { [w.customFieldId]: "changed" } }) },
  "ticket.exportCsv": { rule: "staff", input: () => ({ locale: "ru" }) },
  // tickets: staff actions of issue 15 (server/api/routers/ticket-actions.ts)
  "ticket.createForCustomer": { rule: "staff", input: (w) => ({ title: "By phone", body: "Called in", categoryId: w.categoryId, customer: { userId: w.customerAId }, notifyCustomer: true }) },
  "ticket.findCustomers": { rule: "staff", input: () => ({ query: "example" }) },
  // the world turns customersMayAddCc on: the requester adds, others do not see the ticket
  "ticket.addCc": { rule: "owner", input: (w) => ({ ticketId: w.ticketA, email: "colleague@example.test" }) },
  "ticket.editMessage": { rule: "scopedStaff", input: (w, a) => ({ messageId: staffReplyOf(w, a), body: "Corrected text" }) },
  "ticket.deleteMessage": { rule: "scopedStaff", input: (w, a) => ({ messageId: staffReplyOf(w, a) }) },
  "ticket.merge": { rule: "scopedStaff", input: async (w) => ({ sourceId: w.ticketA, targetId: w.ticketB, sourceVersion: await w.ticketAVersion() }) },
  "ticket.mergeCandidates": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketB, query: "printer" }) },
  "ticket.removeCc": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketA, email: "colleague-of-a@example.test" }) },
  "ticket.history": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketA }) },
  "ticket.bulkUpdate": { rule: "scopedStaff", input: (w) => ({ ticketIds: [w.ticketA, w.ticketB], statusId: w.otherStatusId }) },
  // settings, meta
  "settings.get": { rule: "admin", input: () => ({ group: "mail" }) },
  "settings.update": { rule: "admin", input: () => ({ group: "tickets", values: { allowRating: true } }) },
  "meta.categories": { rule: "public", input: none },
  "meta.statuses": { rule: "public", input: none },
  "meta.portal": { rule: "public", input: none },
  "meta.priorities": { rule: "public", input: none },
  "meta.customFields": { rule: "public", input: none },
  // attachments: a guest may attach to their ticket; anonymous visitors may not upload
  "attachment.upload": { rule: "visitor", input: () => ({ fileName: "note.txt", contentBase64: Buffer.from("hello").toString("base64") }) },
  "attachment.limits": { rule: "visitor", input: none },
  // statuses, categories
  "status.list": { rule: "staff", input: none },
  "status.create": { rule: "admin", input: () => ({ nameRu: "Новый", nameEn: "New one", color: "#123456", isClosed: false }) },
  "status.update": { rule: "admin", input: (w) => ({ id: w.otherStatusId, nameRu: "Другой", nameEn: "Other", color: "#654321", isClosed: false }) },
  "status.reorder": { rule: "admin", input: (w) => ({ ids: [w.otherStatusId, w.statusId] }) },
  "status.setDefault": { rule: "admin", input: (w) => ({ id: w.otherStatusId }) },
  "status.delete": { rule: "admin", input: (w) => ({ id: w.otherStatusId }) },
  "status.merge": { rule: "admin", input: (w) => ({ fromId: w.otherStatusId, intoId: w.statusId }) },
  "category.list": { rule: "staff", input: () => ({}) },
  "category.create": { rule: "admin", input: () => ({ nameRu: "Новая", nameEn: "New category" }) },
  "category.update": { rule: "admin", input: (w) => ({ id: w.categoryId, nameRu: "Изменена", nameEn: "Changed" }) },
  "category.archive": { rule: "admin", input: (w) => ({ id: w.categoryId, archived: true }) },
  "category.reorder": { rule: "admin", input: (w) => ({ ids: [w.categoryId] }) },
  // priorities, custom fields (issue 15)
  "priority.list": { rule: "staff", input: none },
  "priority.create": { rule: "admin", input: () => ({ nameRu: "Критичный", nameEn: "Critical", color: "#7f1d1d", isUrgent: true }) },
  "priority.update": { rule: "admin", input: (w) => ({ id: w.priorityId, nameRu: "Высокий!", nameEn: "High!", color: "#d97706", isUrgent: false }) },
  "priority.reorder": { rule: "admin", input: (w) => ({ ids: [w.priorityId, w.otherPriorityId] }) },
  "priority.setDefault": { rule: "admin", input: (w) => ({ id: w.priorityId }) },
  "priority.delete": { rule: "admin", input: (w) => ({ id: w.otherPriorityId }) },
  "customField.list": { rule: "staff", input: none },
  "customField.create": { rule: "admin", input: () => ({ type: "checkbox", nameRu: "Срочно", nameEn: "Rush", categoryId: null, required: false, hiddenFromCustomer: false, customerEditable: true }) },
  "customField.update": { rule: "admin", input: (w) => ({ id: w.customFieldId, type: "text", nameRu: "Сайт", nameEn: "Site", categoryId: null, required: false, hiddenFromCustomer: true, customerEditable: false }) },
  "customField.archive": { rule: "admin", input: (w) => ({ id: w.customFieldId, archived: true }) },
  "customField.reorder": { rule: "admin", input: (w) => ({ ids: [w.customFieldId] }) },
  // users, tokens
  "user.assignable": { rule: "staff", input: none },
  "user.away": { rule: "staff", input: none },
  "user.setAway": { rule: "staff", input: () => ({ away: true }) },
  "user.list": { rule: "admin", input: () => ({ includeCustomers: true }) },
  "user.invite": { rule: "admin", input: () => ({ email: "invited@example.test", name: "Invited", locale: "en", role: "AGENT" }) },
  "user.setRole": { rule: "admin", input: (w) => ({ id: w.customerAId, role: "AGENT" }) },
  "user.setActive": { rule: "admin", input: (w) => ({ id: w.agentId, active: false }) },
  // teams and category scoping (issue 16)
  "team.list": { rule: "admin", input: none },
  "team.save": { rule: "admin", input: (w) => ({ id: w.teamId, name: "Renamed team", memberIds: [w.agentId], categoryIds: [w.categoryId, w.foreignCategoryId] }) },
  "team.delete": { rule: "admin", input: (w) => ({ id: w.teamId }) },
  "apiToken.list": { rule: "admin", input: none },
  "apiToken.create": { rule: "admin", input: (w) => ({ name: "ci", userId: w.agentId, scope: "read", expiresInDays: 30 }) },
  "apiToken.revoke": { rule: "admin", input: (w) => ({ id: w.apiTokenId }) },
  // canned replies (shared by all staff)
  "cannedReply.list": { rule: "staff", input: none },
  "cannedReply.create": { rule: "staff", input: () => ({ title: "Hello", body: "Hello there" }) },
  "cannedReply.update": { rule: "staff", input: (w) => ({ id: w.cannedReplyId, title: "Changed", body: "Changed body" }) },
  "cannedReply.delete": { rule: "staff", input: (w) => ({ id: w.cannedReplyId }) },
  // reports
  "report.summary": { rule: "staff", input: range },
  "report.csv": { rule: "staff", input: range },
  // outbound mail
  "outbox.list": { rule: "admin", input: () => ({}) },
  "outbox.get": { rule: "admin", input: (w) => ({ id: w.outboxId }) },
  "outbox.resend": { rule: "admin", input: (w) => ({ id: w.outboxId }) },
  "outbox.deliverNow": { rule: "admin", input: none },
  "mailTemplate.list": { rule: "admin", input: none },
  "mailTemplate.get": { rule: "admin", input: () => ({ key: "ticket.created", locale: "en" }) },
  "mailTemplate.preview": { rule: "admin", input: () => ({ key: "ticket.created", locale: "en", subject: "S", text: "T", html: "<p>H</p>" }) },
  "mailTemplate.save": { rule: "admin", input: () => ({ key: "ticket.created", locale: "en", subject: "Subject {{ticket.number}}", text: "Text", html: "<p>Html</p>" }) },
  "mailTemplate.reset": { rule: "admin", input: () => ({ key: "ticket.created", locale: "en" }) },
  // inbound mail
  "mail.testConnection": { rule: "admin", input: () => ({ host: "127.0.0.1", port: 9, secure: false, username: "x@example.test", password: "x" }) },
  "quarantine.list": { rule: "staff", input: () => ({}) },
  "quarantine.byId": { rule: "staff", input: () => ({ id: 999_999 }), notFoundOk: true },
  "quarantine.retry": { rule: "staff", input: () => ({ id: 999_999 }), notFoundOk: true },
  "quarantine.discard": { rule: "staff", input: () => ({ id: 999_999 }), notFoundOk: true },
  "quarantine.createTicket": { rule: "staff", input: () => ({ id: 999_999 }), notFoundOk: true },
  "quarantine.inspect": { rule: "staff", input: () => ({ emlBase64: Buffer.from("From: a@example.test\r\nSubject: hi\r\n\r\nbody\r\n").toString("base64") }) },
  // saved views (issue 16.4): each staff member's own; the fixture view is the admin's and not
  // shared, so only its owner may change, pin or reorder it (sharing: saved-views.int.test.ts)
  "view.list": { rule: "staff", input: none },
  "view.counts": { rule: "staff", input: none },
  "view.create": { rule: "staff", input: () => ({ name: "My open", params: { status: "open", assignee: "me" } }) },
  "view.update": { rule: "admin", input: (w) => ({ id: w.savedViewId, name: "Renamed view" }) },
  "view.delete": { rule: "admin", input: (w) => ({ id: w.savedViewId }) },
  "view.pin": { rule: "admin", input: (w) => ({ id: w.savedViewId, pinned: false }) },
  "view.reorder": { rule: "admin", input: (w) => ({ ids: [w.savedViewId] }) },
  // live updates (issue 16.5): typing pings and the polling fallback follow the ticket's scope
  "live.typing": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketA }) },
  "live.ticketState": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketA }) },
  // knowledge base: reading and feedback follow the article's visibility (public fixture here;
  // customers-only, internal and drafts are covered in server/services/kb/kb-read.int.test.ts)
  "kb.sitemap": { rule: "public", input: none },
  "kb.home": { rule: "public", input: () => ({ lang: "en" }) },
  "kb.category": { rule: "public", input: (w) => ({ slug: w.kb.categorySlug, lang: "en" }) },
  "kb.article": { rule: "public", input: (w) => ({ slug: w.kb.articleSlug, lang: "ru" }) },
  "kb.search": { rule: "public", input: () => ({ q: "password", lang: "en" }) },
  "kb.vote": { rule: "public", input: (w) => ({ articleId: w.kb.articleId, helpful: true, visitorId: "visitor-0123456789abcdef" }) },
  "kb.recordView": { rule: "public", input: (w) => ({ articleId: w.kb.articleId }) },
  "kb.suggestionOpened": { rule: "public", input: (w) => ({ session: "session-0123456789abcdef", articleId: w.kb.articleId }) },
  "kb.suggestionsSubmitted": { rule: "public", input: () => ({ session: "session-0123456789abcdef" }) },
  "kb.list": { rule: "staff", input: () => ({}) },
  "kb.get": { rule: "staff", input: (w) => ({ id: w.kb.articleId }) },
  "kb.revisions": { rule: "staff", input: (w) => ({ articleId: w.kb.articleId }) },
  "kb.preview": { rule: "staff", input: () => ({ body: "**hi**" }) },
  "kb.create": { rule: "staff", input: (w) => ({ categoryId: w.kb.categoryId, kind: "ARTICLE", visibility: "PUBLIC", isPublished: false, titleRu: "", bodyRu: "", titleEn: "New article", bodyEn: "Text" }) },
  "kb.update": { rule: "staff", input: async (w) => ({ id: w.kb.articleId, version: await w.kb.articleVersion(), categoryId: w.kb.categoryId, kind: "ARTICLE", visibility: "STAFF", isPublished: true, titleRu: "", bodyRu: "", titleEn: "Changed", bodyEn: "Changed" }) },
  "kb.delete": { rule: "staff", input: (w) => ({ id: w.kb.articleId }) },
  "kb.uploadImage": { rule: "staff", input: () => ({ fileName: "dot.png", contentBase64: PNG_1x1.toString("base64") }) },
  "kb.report": { rule: "staff", input: () => ({ ...range(), lang: "en" }) },
  "kb.categories": { rule: "staff", input: none },
  "kb.createCategory": { rule: "admin", input: () => ({ parentId: null, nameRu: "Новая", nameEn: "New KB category" }) },
  "kb.updateCategory": { rule: "admin", input: (w) => ({ id: w.kb.categoryId, parentId: null, nameRu: "Изменена", nameEn: "Changed" }) },
  "kb.deleteCategory": { rule: "admin", input: (w) => ({ id: w.kb.emptyCategoryId }) },
  // rate link of the closing mail (app/rate): the token is the credential; an invalid one is a reason, not an error
  "rateLink.view": { rule: "public", input: () => ({ token: "not-a-link", locale: "en" }) },
  "rateLink.rate": { rule: "public", input: () => ({ token: "not-a-link", locale: "en", rating: "5", comment: null }) },
  // pre-sign-in forms and one's own account (server/api/routers/auth.ts): answers are neutral
  "auth.signUp": { rule: "public", input: () => ({ name: "New Visitor", email: "new-visitor@example.test", password: "long-enough-password" }) },
  "auth.setupOpen": { rule: "public", input: none },
  "auth.setup": { rule: "public", input: () => ({ name: "Second Admin", email: "second-admin@example.test", password: "long-enough-password" }) },
  "auth.forgotPassword": { rule: "public", input: () => ({ email: "visitor@example.test" }) },
  "auth.passwordLinkValid": { rule: "public", input: () => ({ token: "not-a-token-but-long-enough" }) },
  "auth.setPassword": { rule: "public", input: () => ({ token: "not-a-token-but-long-enough", password: "long-enough-password", confirm: "long-enough-password" }) },
  "auth.linkAddress": { rule: "public", input: () => ({ token: "not-a-token", purpose: "magic-link" }) },
  "auth.confirmEmail": { rule: "public", input: () => ({ token: "not-a-token", password: "long-enough-password" }) },
  "auth.resendVerification": { rule: "public", input: () => ({ email: "visitor@example.test" }) },
  "auth.requestMagicLink": { rule: "public", input: () => ({ email: "visitor@example.test", link: "", next: null }) },
  "auth.setLocale": { rule: "public", input: () => ({ locale: "en" }) },
  "auth.changePassword": { rule: "user", input: () => ({ current: "wrong-current-password", password: "another-long-password" }) },
  // notifications (issue 16.3): each staff member's own bell and preferences; another user's
  // row answers NOT_FOUND (server/services/notifications/notifications.int.test.ts)
  "notification.list": { rule: "staff", input: none },
  "notification.unreadCount": { rule: "staff", input: none },
  "notification.markRead": { rule: "staff", input: () => ({ id: 999_999 }), notFoundOk: true },
  "notification.markAllRead": { rule: "staff", input: none },
  "notification.prefs": { rule: "staff", input: none },
  "notification.setPrefs": { rule: "staff", input: () => ({ newTicket: { mail: false, app: true }, assigned: { mail: true, app: true }, customerReply: { mail: true, app: true }, anyReply: { mail: false, app: false }, mention: { mail: true, app: true } }) },
  "notification.mentionable": { rule: "scopedStaff", input: (w) => ({ ticketId: w.ticketA }) },
};

// REST routes of the public API (/api/v1, server/api/openapi-rest.ts) and its documents. A REST
// route is its procedure (row above, same rule) called with an API token only: no token answers
// 401 TOKEN_REQUIRED, an unknown or revoked one 401 INVALID_TOKEN, cookies are never read.
// server/api/openapi-rest.int.test.ts walks every route with each actor's token.
export type RouteEntry = { procedure: string | null; rule: Rule; tokenOnly: boolean };
export const ROUTE_TABLE: Record<string, RouteEntry> = {
  "GET /api/openapi.json": { procedure: null, rule: "public", tokenOnly: false },
  "GET /staff/settings/api-docs": { procedure: null, rule: "admin", tokenOnly: false },
  "GET /api/v1/tickets": { procedure: "ticket.list", rule: "user", tokenOnly: true },
  "GET /api/v1/tickets/{id}": { procedure: "ticket.byId", rule: "owner", tokenOnly: true },
  "POST /api/v1/tickets": { procedure: "ticket.create", rule: "user", tokenOnly: true },
  "POST /api/v1/tickets/{ticketId}/replies": { procedure: "ticket.reply", rule: "owner", tokenOnly: true },
  "POST /api/v1/tickets/{ticketId}/notes": { procedure: "ticket.addNote", rule: "scopedStaff", tokenOnly: true },
  "POST /api/v1/tickets/{ticketId}/status": { procedure: "ticket.setStatus", rule: "scopedStaff", tokenOnly: true },
  "GET /api/v1/categories": { procedure: "meta.categories", rule: "user", tokenOnly: true },
  "GET /api/v1/statuses": { procedure: "meta.statuses", rule: "user", tokenOnly: true },
  "POST /api/v1/tickets/{ticketId}/priority": { procedure: "ticket.setPriority", rule: "scopedStaff", tokenOnly: true },
  "POST /api/v1/tickets/{ticketId}/fields": { procedure: "ticket.setFields", rule: "owner", tokenOnly: true },
  "GET /api/v1/priorities": { procedure: "meta.priorities", rule: "user", tokenOnly: true },
  "GET /api/v1/custom-fields": { procedure: "meta.customFields", rule: "user", tokenOnly: true },
};
