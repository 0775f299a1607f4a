import { describe, expect, it } from "vitest";
import { render, renderSubject, parseTemplate, TemplateError, escapeHtml, safeHtml } from "./render";
import { PLACEHOLDERS, defaultTemplate, renderTemplate, sampleVars, validateTemplate, renderOrDefault } from "./templates";
import { TEMPLATE_KEYS, TEMPLATE_LOCALES } from "@/server/domain/mail/template-keys";
import { wrapBody, withSubjectToken } from "./compose";
import { backoffMs, MAX_ATTEMPTS } from "./deliver";

describe("renderer", () => {
  it("fills placeholders and escapes HTML only in the HTML variant", () => {
    const vars = { "ticket.title": `<b>"x" & 'y'</b>`, "ticket.number": 7 };
    expect(render("#{{ticket.number}} {{ ticket.title }}", vars, "text")).toBe(`#7 <b>"x" & 'y'</b>`);
    expect(render("#{{ticket.number}} {{ticket.title}}", vars, "html")).toBe("#7 &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
  });

  it("keeps line breaks of values in HTML and passes SafeHtml through", () => {
    expect(render("{{reply.text}}", { "reply.text": "a\nb" }, "html")).toBe("a<br>\nb");
    const v = safeHtml("<ul><li>x</li></ul>", "- x");
    expect(render("{{attachments}}", { attachments: v }, "html")).toBe("<ul><li>x</li></ul>");
    expect(render("{{attachments}}", { attachments: v }, "text")).toBe("- x");
  });

  it("renders {{#if}} sections only for non-empty values, nested too", () => {
    const t = "a{{#if x}}[{{x}}{{#if y}}+{{/if}}]{{/if}}b";
    expect(render(t, { x: "1", y: true }, "text")).toBe("a[1+]b");
    expect(render(t, { x: "1", y: false }, "text")).toBe("a[1]b");
    expect(render(t, { x: "" }, "text")).toBe("ab");
  });

  it("subjects are one line", () => {
    expect(renderSubject("Re: {{t}}", { t: "a\r\nb" })).toBe("Re: a b");
  });

  it.each([
    ["{{ticket.number", "UNBALANCED"],
    ["ticket.number}}", "UNBALANCED"],
    ["{{ {{x}} }}", "UNBALANCED"],
    ["{{#if x}}open", "UNCLOSED_IF"],
    ["{{/if}}", "STRAY_END"],
    ["{{#each x}}", "BAD_TAG"],
    ["{{Ticket-Number}}", "BAD_TAG"],
    ["{{nope}}", "UNKNOWN_PLACEHOLDER"],
  ])("refuses %s (%s)", (src, reason) => {
    expect(() => parseTemplate(src, new Set(["x"]))).toThrow(TemplateError);
    try {
      parseTemplate(src, new Set(["x"]));
    } catch (e) {
      expect((e as TemplateError).reason).toBe(reason);
    }
  });

  it("escapeHtml covers the five characters", () => {
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});

describe("shipped templates", () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of TEMPLATE_LOCALES) {
      it(`${key} (${locale}) is valid and renders with every placeholder filled`, () => {
        const t = defaultTemplate(key, locale);
        expect(validateTemplate(key, t)).toEqual([]);
        const vars = sampleVars(key, locale);
        // the sample fills every placeholder the template may use
        expect(Object.keys(vars).sort()).toEqual([...PLACEHOLDERS[key]].sort());
        const r = renderTemplate(key, t, vars);
        for (const out of [r.subject, r.text, r.html]) {
          expect(out).not.toMatch(/\{\{|\}\}/);
        }
        expect(r.subject.length).toBeGreaterThan(3);
        expect(r.text).toContain(String(vars.link));
        if (PLACEHOLDERS[key].includes("ticket.number")) expect(r.text).toContain("1042");
        if (key === "ticket.created" || key === "ticket.closed" || key === "reply.staff") {
          expect(r.text).toContain(String(vars["customer.name"]));
          // the title carries "<…>": raw in the subject, escaped in HTML
          expect(r.subject).toMatch(/<(за|for) /);
          if (key !== "reply.staff") expect(r.html).toContain("&lt;");
          expect(r.html).not.toMatch(/<(за|for) /);
        }
        if (key === "reply.staff") {
          expect(r.text).toContain(String(vars["reply.text"]).split("\n")[0]);
          expect(r.text).toContain("invoice-03.pdf: https://");
          expect(r.html).toContain('<a href="https://support.example.com/api/attachments/abc">');
          expect(r.text).toContain(String(vars["agent.name"]));
        }
        if (key === "ticket.closed") {
          expect(r.text).toContain(String(vars["rating.link"]));
          const without = renderTemplate(key, t, { ...vars, "rating.link": "" });
          expect(without.text).not.toContain("rate?token");
        }
        if (key.startsWith("staff.")) expect(r.text).toContain("anna@example.com");
        // Russian texts are Russian, English texts are English
        expect(/[а-яё]/i.test(r.text.replace(String(vars["customer.name"] ?? ""), ""))).toBe(locale === "ru");
      });
    }
  }

  it("reply.refused explains each reason", () => {
    for (const locale of TEMPLATE_LOCALES) {
      const t = defaultTemplate("reply.refused", locale);
      const base = sampleVars("reply.refused", locale);
      const texts = (["reason.closed", "reason.unknownSender", "reason.loginRequired"] as const).map(
        (r) => renderTemplate("reply.refused", t, { ...base, "reason.closed": false, [r]: true }).text,
      );
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(text).toContain(String(base.link));
    }
  });
});

describe("validateTemplate", () => {
  it("names the broken field and reason", () => {
    const good = defaultTemplate("ticket.created", "en");
    expect(validateTemplate("ticket.created", { ...good, subject: "Hi {{ticket.number" })).toEqual([{ field: "subject", reason: "UNBALANCED", detail: expect.any(String) }]);
    expect(validateTemplate("ticket.created", { ...good, html: "{{reply.text}}" })).toEqual([{ field: "html", reason: "UNKNOWN_PLACEHOLDER", detail: "reply.text" }]);
    expect(validateTemplate("ticket.created", { ...good, text: "  " })).toEqual([{ field: "text", reason: "EMPTY", detail: "" }]);
    expect(validateTemplate("ticket.created", { ...good, html: "" })).toEqual([]);
  });

  it("renderOrDefault falls back to the shipped template", () => {
    const r = renderOrDefault("ticket.created", "en", { subject: "{{oops", text: "x", html: "" }, sampleVars("ticket.created", "en"));
    expect(r.subject).toContain("We have received your request");
  });
});

describe("compose", () => {
  it("puts the reply line on top and the signed ticket line at the bottom", () => {
    const r = { subject: "S <1>", text: "Body", html: "<p>Body</p>" };
    const { text, html } = wrapBody(r, { replyLine: "##- reply above -##", ticketLine: "## Ticket ID: 5-abcdef" }, "en");
    expect(text.split("\n")[0]).toBe("##- reply above -##");
    expect(text.trimEnd().split("\n").at(-1)).toBe("## Ticket ID: 5-abcdef");
    expect(html.indexOf("##- reply above -##")).toBeLessThan(html.indexOf("<p>Body</p>"));
    expect(html).toContain("## Ticket ID: 5-abcdef");
    expect(html).toContain("<title>S &lt;1&gt;</title>");
  });

  it("a text-only template gets paragraphs in HTML", () => {
    const { html } = wrapBody({ subject: "s", text: "a <b>\n\nc", html: "" }, null, "ru");
    expect(html).toContain("<p>a &lt;b&gt;</p>");
    expect(html).toContain('lang="ru"');
  });

  it("adds the subject token once", () => {
    expect(withSubjectToken("Re: x", 1042)).toBe("[#1042] Re: x");
    expect(withSubjectToken("[#1042] Re: x", 1042)).toBe("[#1042] Re: x");
    expect(withSubjectToken("Reset", null)).toBe("Reset");
  });
});

describe("backoff", () => {
  it("grows exponentially and is capped", () => {
    expect(backoffMs(1, 0.5)).toBe(30_000);
    expect(backoffMs(2, 0.5)).toBe(60_000);
    expect(backoffMs(5, 0.5)).toBe(480_000);
    expect(backoffMs(40, 0.5)).toBe(6 * 3600_000);
    expect(MAX_ATTEMPTS).toBe(8);
  });
});
