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

  /** An application status in the browser's language ("applied" -> "Applied"). */
  Onward.statusWord = (status) => {
    const text = Onward.t(`status_${status}`);
    return text === `status_${status}` ? String(status) : text;
  };

  /**
   * Fill an extension page's texts: `data-i18n` names the message for an element's text, `data-i18n-ATTR` the one for one of its
   * attributes (placeholder, aria-label, title), and the page's language follows the browser's.
   */
  Onward.localize = function (doc) {
    for (const node of doc.querySelectorAll("*")) {
      for (const { name, value } of [...node.attributes]) {
        if (name === "data-i18n") node.textContent = Onward.t(value);
        else if (name.startsWith("data-i18n-")) node.setAttribute(name.slice("data-i18n-".length), Onward.t(value));
      }
    }
    doc.documentElement.lang = Onward.t("langCode");
  };

  /**
   * The locale dates are written in: the browser's own (en-GB writes "14 March", en-US "March 14") when the extension
   * speaks its language, else the language of the catalogue in use, so a date never reads in another language than
   * the sentence around it (Chromium can pick the German catalogue while reporting en-US).
   */
  Onward.dateLocale = function () {
    const lang = Onward.t("langCode");
    const api = root.browser || root.chrome;
    const ui = api && api.i18n ? api.i18n.getUILanguage() : "";
    if (lang === "langCode") return ui || undefined;
    return ui.split("-")[0].toLowerCase() === lang ? ui : lang;
  };

  /** A date like "16 November" in the browser's language (with the year when it is not this one). */
  Onward.localDate = function (iso) {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
    if (Number.isNaN(d.getTime())) return "";
    const opts = { day: "numeric", month: "long" };
    if (d.getFullYear() !== new Date().getFullYear()) opts.year = "numeric";
    return new Intl.DateTimeFormat(Onward.dateLocale(), opts).format(d);
  };
})(globalThis);
