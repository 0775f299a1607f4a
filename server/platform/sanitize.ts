// HTML sanitizing with a real sanitizer (sanitize-html, an allow-list parser), never regex.
// Used for Markdown rendered from the portal and for the HTML part of incoming mail.
// Links get rel="noopener noreferrer nofollow" and target=_blank; only http(s)/mailto/tel
// URLs survive; images only from our own attachments (cid: rewritten by the caller) or data-less.
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "small",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "font", "center",
  ],
  allowedAttributes: {
    a: ["href", "title", "name"],
    img: ["src", "alt", "title", "width", "height"],
    td: ["colspan", "rowspan", "align"],
    th: ["colspan", "rowspan", "align"],
    "*": ["dir", "lang"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https", "http"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "head", "template", "svg", "math", "iframe", "object"],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow", target: "_blank" } }),
  },
};

/**
 * `allowImageSrc` decides which image URLs may stay (e.g. only /api/attachments/… of this
 * ticket); every other image is dropped so that opening a ticket never loads remote content.
 */
export function sanitize(html: string, opts: { allowImageSrc?: (src: string) => boolean } = {}): string {
  const allow = opts.allowImageSrc ?? (() => false);
  return sanitizeHtml(html, {
    ...OPTIONS,
    allowedSchemesByTag: { img: ["https", "http"] },
    allowedSchemes: OPTIONS.allowedSchemes,
    exclusiveFilter: (frame) => frame.tag === "img" && !allow(frame.attribs.src ?? ""),
    allowedAttributes: { ...OPTIONS.allowedAttributes, a: [...(OPTIONS.allowedAttributes as Record<string, string[]>).a!, "rel", "target"] },
    // relative attachment URLs are ours
    allowedSchemesAppliedToAttributes: ["href"],
  });
}

/** Plain text → safe HTML paragraphs (mail without an HTML part). */
export function textToHtml(text: string): string {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("");
}
