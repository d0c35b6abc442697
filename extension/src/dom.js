/*
 * Building DOM without HTML strings: every text goes in as a text node, attributes are set
 * one by one (never event handlers), and links accept only the schemes they are meant for.
 * Used by the content scripts, the popup and the options page.
 */
(function (root) {
  "use strict";
  const Onward = (root.Onward = root.Onward || {});

  function fill(node, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (/^on/i.test(name)) throw new Error(`event handler attribute ${name} is not allowed`);
      if (name === "text") node.textContent = String(value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** An HTML element: el("p", {class: "x"}, "text", otherNode). */
  Onward.el = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);

  /** An SVG element, for charts. */
  Onward.svg = (tag, attrs, ...children) => fill(document.createElementNS("http://www.w3.org/2000/svg", tag), attrs, children);

  /** The URL as a string when its scheme is one of `schemes`, else "". */
  Onward.safeUrl = function (value, schemes = ["http:", "https:"]) {
    try {
      const url = new URL(String(value));
      return schemes.includes(url.protocol) ? url.href : "";
    } catch {
      return "";
    }
  };

  /** A link that opens in a new tab, or plain text when the URL is not allowed. */
  Onward.link = function (href, text, attrs = {}, schemes) {
    const url = Onward.safeUrl(href, schemes);
    if (!url) return Onward.el("span", {}, text);
    return Onward.el("a", { ...attrs, href: url, target: "_blank", rel: "noopener noreferrer" }, text);
  };

  /** Words for a rejection stage. */
  Onward.STAGE_WORDS = Object.freeze({
    application: "at the application stage", assessment: "after an assessment", interview: "after an interview",
    unknown: "",
  });

  /** A short date like "12 March" (and the year when it is not this one). */
  Onward.shortDate = function (iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return "";
    const opts = { day: "numeric", month: "long" };
    if (d.getFullYear() !== new Date().getFullYear()) opts.year = "numeric";
    return d.toLocaleDateString("en-GB", opts);
  };
})(globalThis);
