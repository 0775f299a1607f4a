// Shipped English templates. Admins may override each one (mail_templates rows); these stay the
// fallback whenever an override is missing or broken. The ticket-string and reply-string lines
// and the signature are added around the body by compose.ts, not here.
import type { TemplateText } from "./catalog";
import type { TemplateKey } from "@/server/domain/mail/template-keys";

export const en: Record<TemplateKey, TemplateText> = {
  "ticket.created": {
    subject: "We have received your request: {{ticket.title}}",
    text: `Hello {{customer.name}},

thank you for contacting us. Your request has been registered under number {{ticket.number}}:
"{{ticket.title}}".

We will answer as soon as we can. You can follow the ticket here:
{{link}}
{{#if password.link}}
An account has been created for this address. To sign in later, set your password with this one-time link:
{{password.link}}
{{/if}}{{#if reply.accepted}}
To add something, simply reply to this email.{{/if}}`,
    html: `<p>Hello {{customer.name}},</p>
<p>thank you for contacting us. Your request has been registered under number <strong>{{ticket.number}}</strong>: “{{ticket.title}}”.</p>
<p>We will answer as soon as we can. You can follow the ticket here: <a href="{{link}}">{{link}}</a></p>
{{#if password.link}}<p>An account has been created for this address. To sign in later, <a href="{{password.link}}">set your password</a> (a one-time link).</p>{{/if}}
{{#if reply.accepted}}<p>To add something, simply reply to this email.</p>{{/if}}`,
  },
  "reply.staff": {
    subject: "Re: {{ticket.title}}",
    text: `Hello {{customer.name}},

{{reply.text}}
{{#if attachments}}
Attachments:
{{attachments}}
{{/if}}
{{agent.name}}

Ticket {{ticket.number}}: {{link}}`,
    html: `<p>Hello {{customer.name}},</p>
<div>{{reply.text}}</div>
{{#if attachments}}<p>Attachments:</p>{{attachments}}{{/if}}
<p>{{agent.name}}</p>
<p style="color:#6b7280;font-size:13px">Ticket {{ticket.number}}: <a href="{{link}}">{{link}}</a></p>`,
  },
  "ticket.closed": {
    subject: "Your request has been closed: {{ticket.title}}",
    text: `Hello {{customer.name}},

your request {{ticket.number}} "{{ticket.title}}" has been closed.
{{#if reply.reopens}}If the problem is not solved, just reply to this email and we will reopen it.
{{/if}}{{#if reply.adds}}If you want to add something, reply to this email.
{{/if}}{{#if reply.refused}}This ticket no longer accepts replies. If you still need help, please open a new request:
{{newticket.link}}
{{/if}}{{#if rating.link}}
How did we do? Rate our answer with one click (no sign-in needed):
{{rating.link}}
{{/if}}
{{link}}`,
    html: `<p>Hello {{customer.name}},</p>
<p>your request <strong>{{ticket.number}}</strong> “{{ticket.title}}” has been closed.</p>
{{#if reply.reopens}}<p>If the problem is not solved, just reply to this email and we will reopen it.</p>{{/if}}
{{#if reply.adds}}<p>If you want to add something, reply to this email.</p>{{/if}}
{{#if reply.refused}}<p>This ticket no longer accepts replies. If you still need help, please <a href="{{newticket.link}}">open a new request</a>.</p>{{/if}}
{{#if rating.link}}<p>How did we do? <a href="{{rating.link}}">Rate our answer</a> with one click (no sign-in needed).</p>{{/if}}
<p><a href="{{link}}">{{link}}</a></p>`,
  },
  "reply.refused": {
    subject: "Your message could not be added: {{original.subject}}",
    text: `Hello,

we received your message "{{original.subject}}" but could not add it to a ticket.
{{#if reason.closed}}
Ticket {{ticket.number}} "{{ticket.title}}" is already closed and no longer accepts replies. If you still need help, please open a new request:
{{link}}
{{/if}}{{#if reason.unknownSender}}
It was sent from an address that is not part of this ticket. Please reply from the address you used to open the ticket, or open a new request:
{{link}}
{{/if}}{{#if reason.loginRequired}}
Requests are only accepted from registered customers. Please sign in and submit your request on our website:
{{link}}
{{/if}}{{#if reason.guestsDisabled}}
Requests are only accepted from customers with an account. Please sign up (or sign in) and submit your request on our website:
{{link}}
{{/if}}
This is an automatic message; your mail has not been lost, but no one will read it here.`,
    html: `<p>Hello,</p>
<p>we received your message “{{original.subject}}” but could not add it to a ticket.</p>
{{#if reason.closed}}<p>Ticket <strong>{{ticket.number}}</strong> “{{ticket.title}}” is already closed and no longer accepts replies. If you still need help, please <a href="{{link}}">open a new request</a>.</p>{{/if}}
{{#if reason.unknownSender}}<p>It was sent from an address that is not part of this ticket. Please reply from the address you used to open the ticket, or <a href="{{link}}">open a new request</a>.</p>{{/if}}
{{#if reason.loginRequired}}<p>Requests are only accepted from registered customers. Please <a href="{{link}}">sign in and submit your request</a> on our website.</p>{{/if}}
{{#if reason.guestsDisabled}}<p>Requests are only accepted from customers with an account. Please <a href="{{link}}">sign up (or sign in) and submit your request</a> on our website.</p>{{/if}}
<p style="color:#6b7280;font-size:13px">This is an automatic message; your mail has not been lost, but no one will read it here.</p>`,
  },
  "account.set-password": {
    subject: "Set a password for your account",
    text: `Hello {{user.name}},

an account has been created for {{user.email}} at {{site.name}}. To set your password, open this one-time link:
{{link}}

If you did not expect this email, you can ignore it.`,
    html: `<p>Hello {{user.name}},</p>
<p>an account has been created for {{user.email}} at {{site.name}}. To set your password, open this one-time link:</p>
<p><a href="{{link}}">Set password</a></p>
<p style="color:#6b7280;font-size:13px">If you did not expect this email, you can ignore it.</p>`,
  },
  "password.reset": {
    subject: "Reset your password",
    text: `Hello {{user.name}},

someone (hopefully you) asked to reset the password of {{user.email}}. Open this one-time link to choose a new one:
{{link}}

If you did not ask for it, ignore this email: your password stays the same.`,
    html: `<p>Hello {{user.name}},</p>
<p>someone (hopefully you) asked to reset the password of {{user.email}}. Open this one-time link to choose a new one:</p>
<p><a href="{{link}}">Reset password</a></p>
<p style="color:#6b7280;font-size:13px">If you did not ask for it, ignore this email: your password stays the same.</p>`,
  },
  "agent.invite": {
    subject: "You are invited to {{site.name}}",
    text: `Hello {{user.name}},

You are invited{{#if agent.name}} by {{agent.name}}{{/if}} to answer tickets at {{site.name}}. Open this one-time link to set your password:
{{link}}`,
    html: `<p>Hello {{user.name}},</p>
<p>You are invited{{#if agent.name}} by {{agent.name}}{{/if}} to answer tickets at {{site.name}}. Open this one-time link to set your password:</p>
<p><a href="{{link}}">Accept the invitation</a></p>`,
  },
  "staff.new-ticket": {
    subject: "New ticket: {{ticket.title}}",
    text: `{{customer.name}} <{{customer.email}}> opened ticket {{ticket.number}}: "{{ticket.title}}"

{{ticket.text}}

{{link}}`,
    html: `<p>{{customer.name}} &lt;{{customer.email}}&gt; opened ticket <strong>{{ticket.number}}</strong>: “{{ticket.title}}”</p>
<blockquote>{{ticket.text}}</blockquote>
<p><a href="{{link}}">Open the ticket</a></p>`,
  },
  "staff.customer-reply": {
    subject: "Customer reply: {{ticket.title}}",
    text: `{{customer.name}} <{{customer.email}}> replied on ticket {{ticket.number}}: "{{ticket.title}}"

{{reply.text}}

{{link}}`,
    html: `<p>{{customer.name}} &lt;{{customer.email}}&gt; replied on ticket <strong>{{ticket.number}}</strong>: “{{ticket.title}}”</p>
<blockquote>{{reply.text}}</blockquote>
<p><a href="{{link}}">Open the ticket</a></p>`,
  },
  "guest.account-exists": {
    subject: "Your request was not submitted: {{original.subject}}",
    text: `Hello {{user.name}},

someone (hopefully you) filled in the request form at {{site.name}} with {{user.email}}: "{{original.subject}}".
This address already has an account, so the request was not submitted. Please sign in and send it from there:
{{link}}

If you did not do this, ignore this email: nothing was changed.`,
    html: `<p>Hello {{user.name}},</p>
<p>someone (hopefully you) filled in the request form at {{site.name}} with {{user.email}}: “{{original.subject}}”.</p>
<p>This address already has an account, so the request was not submitted. Please <a href="{{link}}">sign in and send it from there</a>.</p>
<p style="color:#6b7280;font-size:13px">If you did not do this, ignore this email: nothing was changed.</p>`,
  },
  "guest.ticket-link": {
    subject: "The link to your ticket: {{ticket.title}}",
    text: `Hello {{customer.name}},

we received your ticket {{ticket.number}} "{{ticket.title}}". You can open it, follow the answers and reply here (no sign-in needed):
{{link}}

Keep this link to yourself: anyone who has it can see the ticket.`,
    html: `<p>Hello {{customer.name}},</p>
<p>we received your ticket <strong>{{ticket.number}}</strong> “{{ticket.title}}”. You can open it, follow the answers and reply here (no sign-in needed):</p>
<p><a href="{{link}}">{{link}}</a></p>
<p style="color:#6b7280;font-size:13px">Keep this link to yourself: anyone who has it can see the ticket.</p>`,
  },
  "account.verify-email": {
    subject: "Confirm your address at {{site.name}}",
    text: `Hello {{user.name}},

someone (hopefully you) created an account for {{user.email}} at {{site.name}}. To confirm that this address is yours, open this link and enter the password chosen at sign-up:
{{link}}

If this was not you, ignore this email: the account cannot be used until it is confirmed. To use this address yourself, choose "Forgot password?" on the sign-in page.`,
    html: `<p>Hello {{user.name}},</p>
<p>someone (hopefully you) created an account for {{user.email}} at {{site.name}}. To confirm that this address is yours, open this link and enter the password chosen at sign-up:</p>
<p><a href="{{link}}">Confirm my address</a></p>
<p style="color:#6b7280;font-size:13px">If this was not you, ignore this email: the account cannot be used until it is confirmed. To use this address yourself, choose “Forgot password?” on the sign-in page.</p>`,
  },
  "account.exists": {
    subject: "You already have an account at {{site.name}}",
    text: `Hello {{user.name}},

someone (hopefully you) tried to create an account for {{user.email}} at {{site.name}}, but this address already has one. Sign in with your password, or if you do not know it, set a new one here:
{{link}}

If this was not you, ignore this email: nothing has changed.`,
    html: `<p>Hello {{user.name}},</p>
<p>someone (hopefully you) tried to create an account for {{user.email}} at {{site.name}}, but this address already has one. Sign in with your password, or if you do not know it, set a new one here:</p>
<p><a href="{{link}}">Sign in or reset the password</a></p>
<p style="color:#6b7280;font-size:13px">If this was not you, ignore this email: nothing has changed.</p>`,
  },
  "account.magic-link": {
    subject: "Your sign-in link for {{site.name}}",
    text: `Hello {{user.name}},

open this link to sign in to {{site.name}} as {{user.email}}. It works once and expires in 15 minutes:
{{link}}

If you did not ask for it, ignore this email.`,
    html: `<p>Hello {{user.name}},</p>
<p>open this link to sign in to {{site.name}} as {{user.email}}. It works once and expires in 15 minutes:</p>
<p><a href="{{link}}">Sign in</a></p>
<p style="color:#6b7280;font-size:13px">If you did not ask for it, ignore this email.</p>`,
  },
  "ticket.merged": {
    subject: "Your request {{ticket.number}} continues in {{target.number}}: {{target.title}}",
    text: `Hello {{customer.name}},

your request {{ticket.number}} "{{ticket.title}}" concerns the same matter as request {{target.number}} "{{target.title}}", so we have merged them. Everything you wrote is kept there, and we will answer you in that request.

To add something, simply reply to this email.

{{link}}`,
    html: `<p>Hello {{customer.name}},</p>
<p>your request <strong>{{ticket.number}}</strong> “{{ticket.title}}” concerns the same matter as request <strong>{{target.number}}</strong> “{{target.title}}”, so we have merged them. Everything you wrote is kept there, and we will answer you in that request.</p>
<p>To add something, simply reply to this email.</p>`,
  },
  "ticket.reminder": {
    subject: "Still need help? {{ticket.title}}",
    text: `Hello {{customer.name}},

we are waiting for your answer on request {{ticket.number}} "{{ticket.title}}". If we do not hear from you, it will be closed automatically in {{close.days}} day(s).
If you still need help, just reply to this email.

{{link}}`,
    html: `<p>Hello {{customer.name}},</p>
<p>we are waiting for your answer on request <strong>{{ticket.number}}</strong> “{{ticket.title}}”. If we do not hear from you, it will be closed automatically in {{close.days}} day(s).</p>
<p>If you still need help, just reply to this email.</p>
<p><a href="{{link}}">{{link}}</a></p>`,
  },
  "staff.notice": {
    subject: "{{#if notice.assigned}}Assigned to you{{/if}}{{#if notice.reply}}Reply{{/if}}{{#if notice.mention}}You were mentioned{{/if}}: {{ticket.title}}",
    text: `{{#if notice.assigned}}{{actor.name}} assigned ticket {{ticket.number}} "{{ticket.title}}" to you.{{/if}}{{#if notice.reply}}{{actor.name}} replied on ticket {{ticket.number}}: "{{ticket.title}}"{{/if}}{{#if notice.mention}}{{actor.name}} mentioned you in an internal note on ticket {{ticket.number}}: "{{ticket.title}}"{{/if}}

{{reply.text}}

Customer: {{customer.name}} <{{customer.email}}>
{{link}}`,
    html: `<p>{{#if notice.assigned}}{{actor.name}} assigned ticket <strong>{{ticket.number}}</strong> “{{ticket.title}}” to you.{{/if}}{{#if notice.reply}}{{actor.name}} replied on ticket <strong>{{ticket.number}}</strong>: “{{ticket.title}}”{{/if}}{{#if notice.mention}}{{actor.name}} mentioned you in an internal note on ticket <strong>{{ticket.number}}</strong>: “{{ticket.title}}”{{/if}}</p>
{{#if reply.text}}<blockquote>{{reply.text}}</blockquote>{{/if}}
<p>Customer: {{customer.name}} &lt;{{customer.email}}&gt;</p>
<p><a href="{{link}}">Open the ticket</a></p>`,
  },
};
