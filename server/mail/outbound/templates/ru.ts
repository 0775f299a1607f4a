// Shipped Russian templates (see ./en.ts for the rules).
import type { TemplateKey, TemplateText } from "./catalog";

export const ru: Record<TemplateKey, TemplateText> = {
  "ticket.created": {
    subject: "Заявка принята: {{ticket.title}}",
    text: `Здравствуйте, {{customer.name}}!

Спасибо за обращение. Ваша заявка зарегистрирована под номером {{ticket.number}}:
«{{ticket.title}}».

Мы ответим как можно скорее. Следить за заявкой можно здесь:
{{link}}
{{#if password.link}}
Для этого адреса создан аккаунт. Чтобы потом входить на сайт, задайте пароль по одноразовой ссылке:
{{password.link}}
{{/if}}{{#if reply.accepted}}
Чтобы что-то добавить, просто ответьте на это письмо.{{/if}}`,
    html: `<p>Здравствуйте, {{customer.name}}!</p>
<p>Спасибо за обращение. Ваша заявка зарегистрирована под номером <strong>{{ticket.number}}</strong>: «{{ticket.title}}».</p>
<p>Мы ответим как можно скорее. Следить за заявкой можно здесь: <a href="{{link}}">{{link}}</a></p>
{{#if password.link}}<p>Для этого адреса создан аккаунт. Чтобы потом входить на сайт, <a href="{{password.link}}">задайте пароль</a> (одноразовая ссылка).</p>{{/if}}
{{#if reply.accepted}}<p>Чтобы что-то добавить, просто ответьте на это письмо.</p>{{/if}}`,
  },
  "reply.staff": {
    subject: "Re: {{ticket.title}}",
    text: `Здравствуйте, {{customer.name}}!

{{reply.text}}
{{#if attachments}}
Вложения:
{{attachments}}
{{/if}}
{{agent.name}}

Заявка {{ticket.number}}: {{link}}`,
    html: `<p>Здравствуйте, {{customer.name}}!</p>
<div>{{reply.text}}</div>
{{#if attachments}}<p>Вложения:</p>{{attachments}}{{/if}}
<p>{{agent.name}}</p>
<p style="color:#6b7280;font-size:13px">Заявка {{ticket.number}}: <a href="{{link}}">{{link}}</a></p>`,
  },
  "ticket.closed": {
    subject: "Заявка закрыта: {{ticket.title}}",
    text: `Здравствуйте, {{customer.name}}!

Ваша заявка {{ticket.number}} «{{ticket.title}}» закрыта.
{{#if reply.reopens}}Если вопрос не решён, просто ответьте на это письмо — мы откроем заявку снова.
{{/if}}{{#if reply.adds}}Если хотите что-то добавить, ответьте на это письмо.
{{/if}}{{#if reply.refused}}Эта заявка больше не принимает ответов. Если вам всё ещё нужна помощь, создайте, пожалуйста, новую заявку:
{{newticket.link}}
{{/if}}{{#if rating.link}}
Оцените, пожалуйста, наш ответ — в один клик, без входа на сайт:
{{rating.link}}
{{/if}}
{{link}}`,
    html: `<p>Здравствуйте, {{customer.name}}!</p>
<p>Ваша заявка <strong>{{ticket.number}}</strong> «{{ticket.title}}» закрыта.</p>
{{#if reply.reopens}}<p>Если вопрос не решён, просто ответьте на это письмо — мы откроем заявку снова.</p>{{/if}}
{{#if reply.adds}}<p>Если хотите что-то добавить, ответьте на это письмо.</p>{{/if}}
{{#if reply.refused}}<p>Эта заявка больше не принимает ответов. Если вам всё ещё нужна помощь, <a href="{{newticket.link}}">создайте новую заявку</a>.</p>{{/if}}
{{#if rating.link}}<p><a href="{{rating.link}}">Оцените, пожалуйста, наш ответ</a> — в один клик, без входа на сайт.</p>{{/if}}
<p><a href="{{link}}">{{link}}</a></p>`,
  },
  "reply.refused": {
    subject: "Ваше письмо не принято: {{original.subject}}",
    text: `Здравствуйте!

Мы получили ваше письмо «{{original.subject}}», но не смогли добавить его в заявку.
{{#if reason.closed}}
Заявка {{ticket.number}} «{{ticket.title}}» уже закрыта и не принимает ответов. Если вам всё ещё нужна помощь, создайте, пожалуйста, новую заявку:
{{link}}
{{/if}}{{#if reason.unknownSender}}
Письмо пришло с адреса, который не участвует в этой заявке. Ответьте, пожалуйста, с адреса, с которого заявка была создана, или создайте новую:
{{link}}
{{/if}}{{#if reason.loginRequired}}
Заявки принимаются только от зарегистрированных клиентов. Войдите, пожалуйста, на сайт и отправьте заявку там:
{{link}}
{{/if}}{{#if reason.guestsDisabled}}
Заявки принимаются только от клиентов с аккаунтом. Зарегистрируйтесь (или войдите) на сайте и отправьте заявку там:
{{link}}
{{/if}}
Это автоматическое сообщение: ваше письмо не потеряно, но здесь его никто не прочитает.`,
    html: `<p>Здравствуйте!</p>
<p>Мы получили ваше письмо «{{original.subject}}», но не смогли добавить его в заявку.</p>
{{#if reason.closed}}<p>Заявка <strong>{{ticket.number}}</strong> «{{ticket.title}}» уже закрыта и не принимает ответов. Если вам всё ещё нужна помощь, <a href="{{link}}">создайте новую заявку</a>.</p>{{/if}}
{{#if reason.unknownSender}}<p>Письмо пришло с адреса, который не участвует в этой заявке. Ответьте, пожалуйста, с адреса, с которого заявка была создана, или <a href="{{link}}">создайте новую</a>.</p>{{/if}}
{{#if reason.loginRequired}}<p>Заявки принимаются только от зарегистрированных клиентов. <a href="{{link}}">Войдите на сайт и отправьте заявку</a> там.</p>{{/if}}
{{#if reason.guestsDisabled}}<p>Заявки принимаются только от клиентов с аккаунтом. <a href="{{link}}">Зарегистрируйтесь (или войдите) и отправьте заявку</a> на сайте.</p>{{/if}}
<p style="color:#6b7280;font-size:13px">Это автоматическое сообщение: ваше письмо не потеряно, но здесь его никто не прочитает.</p>`,
  },
  "account.set-password": {
    subject: "Задайте пароль для аккаунта",
    text: `Здравствуйте, {{user.name}}!

Для адреса {{user.email}} создан аккаунт в «{{site.name}}». Чтобы задать пароль, откройте одноразовую ссылку:
{{link}}

Если вы не ждали этого письма, просто проигнорируйте его.`,
    html: `<p>Здравствуйте, {{user.name}}!</p>
<p>Для адреса {{user.email}} создан аккаунт в «{{site.name}}». Чтобы задать пароль, откройте одноразовую ссылку:</p>
<p><a href="{{link}}">Задать пароль</a></p>
<p style="color:#6b7280;font-size:13px">Если вы не ждали этого письма, просто проигнорируйте его.</p>`,
  },
  "password.reset": {
    subject: "Восстановление пароля",
    text: `Здравствуйте, {{user.name}}!

Кто-то (надеемся, вы) запросил сброс пароля для {{user.email}}. Чтобы задать новый пароль, откройте одноразовую ссылку:
{{link}}

Если вы этого не делали, просто проигнорируйте письмо — пароль останется прежним.`,
    html: `<p>Здравствуйте, {{user.name}}!</p>
<p>Кто-то (надеемся, вы) запросил сброс пароля для {{user.email}}. Чтобы задать новый пароль, откройте одноразовую ссылку:</p>
<p><a href="{{link}}">Сбросить пароль</a></p>
<p style="color:#6b7280;font-size:13px">Если вы этого не делали, просто проигнорируйте письмо — пароль останется прежним.</p>`,
  },
  "agent.invite": {
    subject: "Приглашение в «{{site.name}}»",
    text: `Здравствуйте, {{user.name}}!

Вас пригласили{{#if agent.name}} ({{agent.name}}){{/if}} отвечать на заявки в «{{site.name}}». Чтобы задать пароль, откройте одноразовую ссылку:
{{link}}`,
    html: `<p>Здравствуйте, {{user.name}}!</p>
<p>Вас пригласили{{#if agent.name}} ({{agent.name}}){{/if}} отвечать на заявки в «{{site.name}}». Чтобы задать пароль, откройте одноразовую ссылку:</p>
<p><a href="{{link}}">Принять приглашение</a></p>`,
  },
  "staff.new-ticket": {
    subject: "Новая заявка: {{ticket.title}}",
    text: `{{customer.name}} <{{customer.email}}> создал(а) заявку {{ticket.number}}: «{{ticket.title}}»

{{ticket.text}}

{{link}}`,
    html: `<p>{{customer.name}} &lt;{{customer.email}}&gt; создал(а) заявку <strong>{{ticket.number}}</strong>: «{{ticket.title}}»</p>
<blockquote>{{ticket.text}}</blockquote>
<p><a href="{{link}}">Открыть заявку</a></p>`,
  },
  "staff.customer-reply": {
    subject: "Ответ клиента: {{ticket.title}}",
    text: `{{customer.name}} <{{customer.email}}> ответил(а) в заявке {{ticket.number}}: «{{ticket.title}}»

{{reply.text}}

{{link}}`,
    html: `<p>{{customer.name}} &lt;{{customer.email}}&gt; ответил(а) в заявке <strong>{{ticket.number}}</strong>: «{{ticket.title}}»</p>
<blockquote>{{reply.text}}</blockquote>
<p><a href="{{link}}">Открыть заявку</a></p>`,
  },
  "guest.ticket-link": {
    subject: "Ссылка на вашу заявку: {{ticket.title}}",
    text: `Здравствуйте, {{customer.name}}!

Ваша заявка {{ticket.number}} «{{ticket.title}}» принята. Открыть её, следить за ответами и ответить можно по ссылке (без входа в аккаунт):
{{link}}

Не пересылайте эту ссылку: любой, у кого она есть, увидит заявку.`,
    html: `<p>Здравствуйте, {{customer.name}}!</p>
<p>Ваша заявка <strong>{{ticket.number}}</strong> «{{ticket.title}}» принята. Открыть её, следить за ответами и ответить можно по ссылке (без входа в аккаунт):</p>
<p><a href="{{link}}">{{link}}</a></p>
<p style="color:#6b7280;font-size:13px">Не пересылайте эту ссылку: любой, у кого она есть, увидит заявку.</p>`,
  },
};
