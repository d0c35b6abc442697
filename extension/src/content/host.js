/*
 * A shadow-root host for what Onward shows inside a page: the page's styles do not reach in
 * and ours do not leak out. Also the cheap page watcher the site runners share.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  const CSS = `
:host { all: initial; display: block; }
* { box-sizing: border-box; }
.box { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2630; background: #f7fbf8;
  border: 1px solid #9cc5ad; border-left: 4px solid #2f7d57; border-radius: 8px; padding: 12px 14px; margin: 8px 0 12px;
  max-width: 720px; }
.note { background: #f4f7fb; border-color: #b4c6dd; border-left-color: #3c6ea8; padding: 8px 12px; display: flex;
  flex-wrap: wrap; gap: 8px; align-items: center; }
.badge { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 360px; margin: 0;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.brand { font-size: 12px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: #2f7d57; margin: 0; }
h2 { font-size: 16px; margin: 2px 0 4px; }
h3 { font-size: 13px; margin: 12px 0 4px; text-transform: uppercase; letter-spacing: .03em; color: #41505e; }
p { margin: 4px 0; }
ul { margin: 4px 0; padding-left: 18px; }
li { margin: 4px 0; }
.facts { color: #41505e; }
.reason { color: #41505e; }
.steps { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px; }
button, .button { font: inherit; font-size: 13px; border: 1px solid #2f7d57; background: #fff; color: #1f5c3e; border-radius: 6px;
  padding: 4px 10px; cursor: pointer; text-decoration: none; display: inline-block; }
button:hover, .button:hover { background: #e6f3ec; }
button:focus-visible, .button:focus-visible, a:focus-visible, textarea:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.close { border: none; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; color: #41505e; }
.panel { margin-top: 8px; padding: 8px; background: #fff; border: 1px solid #d5e3da; border-radius: 6px; }
.panel[hidden] { display: none; }
pre { white-space: pre-wrap; font: inherit; margin: 4px 0; }
label { display: block; margin-top: 6px; font-weight: 600; }
textarea { width: 100%; min-height: 54px; font: inherit; padding: 4px; }
.status { min-height: 1em; color: #1f5c3e; font-size: 13px; }
.note .close { margin-left: auto; }
.muted { color: #5b6a78; font-size: 13px; }
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
