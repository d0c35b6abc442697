/*
 * What every site adapter shares. An adapter is {id, kind: "webmail"|"jobboard", matches(doc, loc),
 * extract(doc, loc) -> data|null, anchor(doc) -> element|null}. Webmail data is
 * {subject, from_name, from_address, text, message_id?, link?}; job-board data is {company, role, domain}.
 * Adapters only read the page; they never change it.
 */
(function (root) {
  "use strict";
  const Onward = (root.Onward = root.Onward || {});
  Onward.adapters = Onward.adapters || {};

  /** Most characters of body text sent to the server. */
  const MAX_TEXT = 20000;

  /** Text of the first element matching one of the selectors, trimmed and on one line ("" when none); textContent,
   * not innerText, so the runners' frequent checks never force a layout. */
  Onward.textOf = function (scope, ...selectors) {
    for (const selector of selectors) {
      const node = scope && scope.querySelector(selector);
      const text = node ? node.textContent.replace(/\s+/g, " ").trim() : "";
      if (text) return text;
    }
    return "";
  };

  /** A body's readable text (line breaks kept), at most MAX_TEXT characters. */
  Onward.bodyText = function (node) {
    if (!node) return "";
    const text = (node.innerText || node.textContent || "").replace(/\u00a0/g, " ").replace(/[ \t]+\n/g, "\n");
    return text.replace(/\n{3,}/g, "\n\n").trim().slice(0, MAX_TEXT);
  };

  /** "Acme Careers <jobs@acme.com>" -> {name, address}; a bare address gives an empty name. */
  Onward.splitSender = function (text) {
    const value = String(text || "").replace(/\s+/g, " ").trim();
    const match = value.match(/^(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>$/);
    if (match) return { name: match[1].replace(/^"|"$/g, "").trim(), address: match[2].toLowerCase() };
    if (/^[^\s@]+@[^\s@]+$/.test(value)) return { name: "", address: value.toLowerCase() };
    return { name: value, address: "" };
  };

  /** A company name from a URL slug: "acme-corp" -> "Acme Corp". */
  Onward.fromSlug = function (slug) {
    return decodeURIComponent(slug || "").split(/[-_.\s]+/).filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
  };

  /** The content of a <meta property|name=...> tag, or "". */
  Onward.meta = function (doc, name) {
    const node = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    return node ? (node.getAttribute("content") || "").trim() : "";
  };

  Onward.register = function (adapter) {
    Onward.adapters[adapter.id] = adapter;
  };
})(globalThis);
