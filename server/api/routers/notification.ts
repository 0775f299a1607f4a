// notification.*: the bell, the caller's own preferences, and whom a note may @mention (issue 16
// point 3). Every procedure acts on the caller's own rows; mentionable follows ticket scoping.
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../trpc";
import { notifyPrefsInput } from "@/server/domain/notifications/prefs-input";
import { getPrefs, listNotifications, markAllRead, markRead, mentionable, setPrefs, unreadCount } from "@/server/services/notifications/notifications";

const id = z.number().int().positive();

export const notificationRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => listNotifications(ctx.actor)),
  unreadCount: staffProcedure.query(({ ctx }) => unreadCount(ctx.actor)),
  markRead: staffProcedure.input(z.object({ id })).mutation(({ ctx, input }) => markRead(ctx.actor, input.id)),
  markAllRead: staffProcedure.mutation(({ ctx }) => markAllRead(ctx.actor)),
  prefs: staffProcedure.query(({ ctx }) => getPrefs(ctx.actor)),
  setPrefs: staffProcedure.input(notifyPrefsInput).mutation(({ ctx, input }) => setPrefs(ctx.actor, input)),
  mentionable: staffProcedure.input(z.object({ ticketId: id })).query(({ ctx, input }) => mentionable(ctx.actor, input.ticketId)),
});
