/*
 * A shadow-root host for what Onward shows inside a page: the page's styles do not reach in
 * and ours do not leak out. Also the cheap page watcher the site runners share.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  const CSS = `
:host { all: initial; display: block; --bg: #f7fbf8; --fg: #1d2630; --line: #9cc5ad; --accent: #2f7d57; --muted: #53616e;
  --button-bg: #fff; --button-fg: #1f5c3e; --hover: #e6f3ec; --panel: #fff; --panel-line: #d5e3da; --focus: #1a73e8; --error: #9b2c2c; }
:host([data-scheme="dark"]) { --bg: #1c2621; --fg: #e4ebe7; --line: #3f5d4d; --accent: #7dd3a5; --muted: #aab8b0;
  --button-bg: #24332b; --button-fg: #cfeedd; --hover: #2f4439; --panel: #222e28; --panel-line: #3a4d43; --focus: #8ab4f8; --error: #f4a3a3; }
* { box-sizing: border-box; }
.box { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; padding: 8px 12px; margin: 6px 0 10px;
  max-width: 760px; }
.note { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 6px 12px; }
:host(:not([data-scheme="dark"])) .note { background: #f4f7fb; border-color: #b4c6dd; border-left-color: #3c6ea8; }
.top, .head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.head h2 { flex: 1; }
.brand { font-size: 11px; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: var(--accent); margin: 0;
  line-height: 21px; flex: none; }
h2 { font-size: 15px; line-height: 1.4; margin: 0; font-weight: 600; }
.card:not([data-open="true"]) h2.summary, .card:not([data-open="true"]) .best { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }
.best { margin: 2px 0 0; font-size: 13.5px; }
.card:not([data-open="true"]) .steps.primary { flex-wrap: nowrap; }
.card:not([data-open="true"]) .steps.primary > * { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
p { margin: 4px 0; }
ul { margin: 4px 0; padding-left: 18px; }
li { margin: 3px 0; }
.reason, .nudge { color: var(--muted); }
.more-body { margin-top: 6px; padding-top: 4px; border-top: 1px solid var(--panel-line); }
.more-body[hidden], .panel[hidden] { display: none; }
.steps { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button, .button { font: inherit; font-size: 13px; line-height: 18px; border: 1px solid var(--accent); background: var(--button-bg);
  color: var(--button-fg); border-radius: 6px; padding: 3px 10px; cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover { background: var(--hover); }
button:disabled { opacity: .6; cursor: default; }
button.quiet { border-color: transparent; background: transparent; color: var(--muted); padding: 3px 6px; }
button.quiet:hover { background: var(--hover); }
button.more { flex: none; white-space: nowrap; color: var(--button-fg); font-weight: 600; }
button:focus-visible, .button:focus-visible, a:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a { color: var(--button-fg); }
.close { flex: none; border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; color: var(--muted); }
.panel { margin-top: 6px; padding: 8px; background: var(--panel); border: 1px solid var(--panel-line); border-radius: 6px; }
pre { white-space: pre-wrap; font: inherit; margin: 4px 0; }
label { display: block; margin-top: 6px; font-weight: 600; }
textarea { width: 100%; min-height: 54px; font: inherit; padding: 4px; color: var(--fg); background: var(--bg);
  border: 1px solid var(--panel-line); }
.name-form { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; margin: 6px 0; }
.name-form label { flex-basis: 100%; margin: 0; }
.name-form input { flex: 1 1 12em; min-width: 0; font: inherit; padding: 4px; color: var(--fg); background: var(--bg);
  border: 1px solid var(--panel-line); }
.correct { margin-top: 6px; }
.question { font-weight: 600; margin: 0; }
.status { color: var(--button-fg); font-size: 13px; margin: 4px 0 0; }
.status:empty { display: none; }
.note .close { margin-left: auto; }
.muted { color: var(--muted); font-size: 13px; }
`;

  /** A host element holding an open shadow root with Onward's styles; returns {host, shadow}. */
  Onward.shadowHost = function (kind) {
    const host = document.createElement("div");
    host.setAttribute("data-onward", kind);
    const shadow = host.attachShadow({ mode: "open" });
    let adopted = false;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
      adopted = true;
    } catch {
      /* some content-script worlds cannot adopt sheets: fall back to a style element */
    }
    if (!adopted) shadow.append(Onward.el("style", { text: CSS }));
    return { host, shadow };
  };

  function luminance(color) {
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(color || "");
    if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return null;
    const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  /**
   * "dark" or "light": the scheme of the page around `node`, so the card never glares on a dark page. Roundcube's
   * dark mode (class dark-mode on the root), else the first solid background from `node` up, else the browser's
   * prefers-color-scheme (a page with no background of its own follows it).
   */
  Onward.schemeOf = function (node) {
    const doc = node.ownerDocument;
    if (doc.documentElement.classList.contains("dark-mode")) return "dark";
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const light = luminance(doc.defaultView.getComputedStyle(n).backgroundColor);
      if (light !== null) return light < 0.45 ? "dark" : "light";
    }
    return doc.defaultView.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  };

  /** Give `host` the scheme of the page around `node` (again whenever the page may have switched). */
  Onward.followScheme = function (host, node) {
    const scheme = Onward.schemeOf(node);
    if (host.getAttribute("data-scheme") !== scheme) host.setAttribute("data-scheme", scheme);
  };

  /**
   * Say on the page what Onward decided about what is on screen, as `data-onward-decision` on the root element:
   * "pending" while the background is asked, then "card", "note" or "badge" once that is in the page, "none"
   * when there is nothing to show, "off" when the user switched the site off, "dismissed" when the user closed
   * it before, "error" when the background could not answer. `null` removes it (nothing on screen to decide
   * about). Only words from this list are written, never page or server text; the rendered card already tells
   * the page as much, and tests wait for this instead of for time to pass.
   */
  Onward.decided = function (decision) {
    if (decision === null) document.documentElement.removeAttribute("data-onward-decision");
    else document.documentElement.setAttribute("data-onward-decision", decision);
  };

  /** The decision for a background answer that was not ok. */
  Onward.failedDecision = (answer) => (answer.error === "disabled" ? "off" : "error");

  /** Call `check` now and again at most every `delay` ms while the page changes (SPA navigation included). */
  Onward.watchPage = function (check, delay = 400) {
    let timer = null;
    const schedule = () => {
      if (timer === null) timer = setTimeout(() => { timer = null; check(); }, delay);
    };
    new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
    root.addEventListener("popstate", schedule);
    root.addEventListener("hashchange", schedule);
    check();
  };
})(globalThis);
