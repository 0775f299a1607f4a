// The XSS corpus of e2e/security-xss.spec.ts (ASVS 5.0 V1.2.x, V1.3.x, V3.4.3). Every payload,
// if it ever runs, sets `window.__xss` (or calls alert/confirm/prompt/print) — the spec's probe
// catches both. Grouped by technique; `SHORT` holds the ones that fit short fields (names of
// categories and statuses: 60 characters; titles, subjects, display names, file names).

export type Payload = { id: string; html: string };

const X = "window.__xss=1";

/** HTML/Markdown bodies: mail HTML and text parts, ticket bodies, replies, notes, canned replies. */
export const PAYLOADS: Payload[] = [
  // script tags
  { id: "script", html: `<script>${X}</script>` },
  { id: "script-src-data", html: `<script src="data:text/javascript,${X}"></script>` },
  { id: "script-upper", html: `<SCRIPT>${X}</SCRIPT>` },
  { id: "script-alert", html: `<script>alert(1)</script>` },
  // event handlers
  { id: "img-onerror", html: `<img src=x onerror="${X}">` },
  { id: "img-onerror-alert", html: `<img src="x" onerror=alert(document.domain)>` },
  { id: "img-onerror-entity", html: `<img src=x onerror=&#119;indow.__xss=1>` },
  { id: "svg-onload", html: `<svg onload="${X}">` },
  { id: "svg-onload-slash", html: `<svg/onload=${X}>` },
  { id: "body-onload", html: `<body onload="${X}">` },
  { id: "details-ontoggle", html: `<details open ontoggle="${X}"><summary>s</summary></details>` },
  { id: "input-autofocus", html: `<input autofocus onfocus="${X}">` },
  { id: "video-source", html: `<video><source onerror="${X}"></video>` },
  { id: "marquee", html: `<marquee onstart="${X}">m</marquee>` },
  // javascript: / data: / vbscript: URLs
  { id: "a-js", html: `<a href="javascript:${X}">js link</a>` },
  { id: "a-js-case-entity", html: `<a href="JaVaScRiPt&#58;${X}">entity link</a>` },
  { id: "a-js-hex", html: `<a href="&#x6A;avascript:${X}">hex link</a>` },
  { id: "a-js-space", html: `<a href=" &#14; javascript:${X}">space link</a>` },
  { id: "a-js-tab", html: `<a href="java\tscript:${X}">tab link</a>` },
  { id: "a-data-html", html: `<a href="data:text/html,<script>${X}</script>">data link</a>` },
  { id: "a-data-b64", html: `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">b64 link</a>` },
  { id: "a-vbscript", html: `<a href="vbscript:msgbox(1)">vb link</a>` },
  { id: "img-js", html: `<img src="javascript:${X}">` },
  { id: "img-data-svg", html: `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${X}'/>">` },
  { id: "form-action", html: `<form action="javascript:${X}"><button>go</button></form>` },
  { id: "button-formaction", html: `<button formaction="javascript:${X}">b</button>` },
  { id: "meta-refresh", html: `<meta http-equiv="refresh" content="0;url=javascript:${X}">` },
  { id: "base-href", html: `<base href="javascript:/">` },
  // SVG with script
  { id: "svg-script", html: `<svg><script>${X}</script></svg>` },
  { id: "svg-xlink", html: `<svg><a xlink:href="javascript:${X}"><text x="0" y="15">svg link</text></a></svg>` },
  { id: "svg-animate", html: `<svg><animate onbegin="${X}" attributeName="x" dur="1s"/></svg>` },
  { id: "svg-set", html: `<svg><a><set attributeName="href" to="javascript:${X}"/><text y="20">set</text></a></svg>` },
  // CSS
  { id: "style-url-js", html: `<div style="background:url(javascript:${X})">css url</div>` },
  { id: "style-expression", html: `<div style="width:expression(${X})">css expression</div>` },
  { id: "style-tag", html: `<style>@import 'javascript:${X}';body{background:url("javascript:${X}")}</style>` },
  { id: "style-behavior", html: `<p style="behavior:url(#default#time2);-moz-binding:url(x.xml#xss)">binding</p>` },
  // broken markup
  { id: "nested-script", html: `<scr<script>ipt>${X}</scr</script>ipt>` },
  { id: "unclosed-attr", html: `<img src="x" alt="unclosed onerror="${X}"` },
  { id: "unclosed-tag", html: `<img src=x onerror=${X}//` },
  { id: "double-angle", html: `<<img src=x onerror=${X}>>` },
  { id: "attr-breakout", html: `"><script>${X}</script>` },
  { id: "single-breakout", html: `'><img src=x onerror=${X}>` },
  { id: "comment-breakout", html: `<!--<img src="--><img src=x onerror=${X}//">` },
  { id: "cdata", html: `<![CDATA[<]]><img src=x onerror=${X}>` },
  { id: "js-string", html: `';${X};//` },
  { id: "noscript-mxss", html: `<noscript><p title="</noscript><img src=x onerror=${X}>">` },
  // iframes, objects
  { id: "iframe-srcdoc", html: `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>` },
  { id: "iframe-js", html: `<iframe src="javascript:parent.__xss=1"></iframe>` },
  { id: "object-data", html: `<object data="data:text/html,<script>parent.__xss=1</script>"></object>` },
  { id: "embed", html: `<embed src="javascript:${X}">` },
  // math / template / namespace confusion (mutation XSS)
  { id: "math-mglyph", html: `<math><mtext><table><mglyph><style><img src=x onerror=${X}></style></mglyph></table></mtext></math>` },
  { id: "math-href", html: `<math href="javascript:${X}"><mi>m</mi></math>` },
  { id: "template", html: `<template><img src=x onerror=${X}></template>` },
  { id: "template-shadow", html: `<div><template shadowrootmode="open"><img src=x onerror=${X}></template></div>` },
  { id: "textarea-breakout", html: `<textarea></textarea><img src=x onerror=${X}></textarea>` },
  { id: "title-breakout", html: `<title></title><img src=x onerror=${X}>` },
  { id: "svg-style-mxss", html: `<svg></p><style><a id="</style><img src=x onerror=${X}>">` },
  // RTL override / invisible characters around markup
  { id: "rtl-override", html: `\u202E<img src=x onerror=${X}>\u202Dgnp.exe` },
  { id: "zero-width", html: `<img\u200b src=x onerror=${X}>` },
  // Markdown (portal bodies are Markdown)
  { id: "md-link-js", html: `[md link](javascript:${X})` },
  { id: "md-link-js-entity", html: `[md entity](javascript&#58;${X})` },
  { id: "md-image-js", html: `![md img](javascript:${X})` },
  { id: "md-autolink-js", html: `<javascript:${X}>` },
  { id: "md-link-data", html: `[md data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)` },
  { id: "md-ref-js", html: `[ref link][r]\n\n[r]: javascript:${X}` },
];

/** Payloads that fit short fields (≤ 60 characters). */
export const SHORT: string[] = [
  `<script>${X}</script>`,
  `<img src=x onerror=${X}>`,
  `<svg onload=${X}>`,
  `"><img src=x onerror=alert(1)>`,
  `'><svg/onload=${X}>`,
  `<scr<script>ipt>${X}</script>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>">`,
  `<a href="javascript:${X}">x</a>`,
  `<math><mtext><img src=x onerror=${X}>`,
  `\u202Eevil<img src=x onerror=${X}>gnp.exe`,
];

/** The whole corpus as one body (one ticket/reply per input keeps the run short). */
export function corpusBody(label: string): string {
  return [`${label} corpus start`, ...PAYLOADS.map((p) => `[${p.id}] ${p.html}`), `${label} corpus end`].join("\n\n");
}

/** In-page check that no dangerous markup reached the live DOM (independent of the CSP). */
export function domFindings(): string[] {
  const bad: string[] = [];
  const js = /^\s*(javascript|vbscript|data:text\/html|data:image\/svg)/i;
  const walk = (root: Document | ShadowRoot | DocumentFragment) => {
    for (const el of Array.from(root.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) {
        const n = a.name.toLowerCase();
        if (n.startsWith("on")) bad.push(`${el.tagName} ${n}=${a.value.slice(0, 60)}`);
        if (["href", "src", "action", "formaction", "xlink:href", "data", "background"].includes(n) && js.test([...a.value].filter((c) => c.charCodeAt(0) > 0x20).join(""))) bad.push(`${el.tagName} ${n}=${a.value.slice(0, 60)}`);
        if (n === "style" && /(javascript:|expression\(|behavior:|-moz-binding)/i.test(a.value)) bad.push(`${el.tagName} style=${a.value.slice(0, 60)}`);
      }
      const tag = el.tagName.toLowerCase();
      if (tag === "script" && !(el as HTMLScriptElement).nonce && !(el as HTMLScriptElement).src.includes("/_next/")) bad.push(`script: ${el.outerHTML.slice(0, 80)}`);
      if (tag === "iframe" && el.getAttribute("sandbox") !== "") bad.push(`iframe without empty sandbox: ${el.outerHTML.slice(0, 80)}`);
      if (["object", "embed", "base", "frame", "frameset"].includes(tag)) bad.push(`${tag}: ${el.outerHTML.slice(0, 80)}`);
      if (tag === "meta" && el.getAttribute("http-equiv")?.toLowerCase() === "refresh") bad.push(`meta refresh: ${el.outerHTML.slice(0, 80)}`);
      if (tag === "template") walk((el as HTMLTemplateElement).content);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return bad;
}
