/*
 * What every site adapter shares. An adapter is {id, kind: "webmail"|"jobboard", matches(doc, loc),
 * extract(doc, loc) -> data|null, anchor(doc) -> element|null}. Webmail data is
 * {subject, from_name, from_address, text, message_id?, link?}; job-board data is {company, role, domain}.
 * A job board's anchor is the element of the posting's header (title, employer, location) after which
 * the badge joins the page's flow, away from the board's own buttons and sticky bars.
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

  /** The first element matching one of the selectors, in their order (null when none): a site's
   * current layout first, its older ones after. */
  Onward.firstOf = function (scope, ...selectors) {
    for (const selector of selectors) {
      const node = scope && scope.querySelector(selector);
      if (node) return node;
    }
    return null;
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

  /**
   * Gender markers job titles carry ("Datenanalyst (m/w/d)", "(f/m/x)", "(H/F)", "(all genders)", a bare
   * "m/w/d"): the same rule as the worker's GENDER_MARKER (worker/extract/role.py), in two parts because the
   * bare markers are case-sensitive there ("H/F" and "h/m" but not "Ux/Ui").
   */
  const GENDER_MARKERS = [
    /\s*[(\[]\s*(?:[mwfdhxvoa]\s*\/\s*){1,3}[mwfdhxvoa*]\s*[)\]]|\s*[(\[]\s*(?:all genders?|alle geschlechter|w\/m\/d|f\/h|h\/f|h\/m|m\/f|m\/v|v\/m)\s*[)\]]/gi,
    /[ \t]+(?:[HF]\/[HF]|[mwd]\/[mwd]\/[mwd]|[MWD]\/[MWD]\/[MWD]|m\/v\/x|M\/V\/X|h\/m|H\/M)(?![\w/])/g,
  ];

  /** A job title without its gender marker: "Datenanalyst (m/w/d)" -> "Datenanalyst". */
  Onward.cleanRole = function (role) {
    let text = String(role || "");
    for (const marker of GENDER_MARKERS) text = text.replace(marker, " ");
    return text.replace(/\s+/g, " ").trim();
  };

  /** The key two spellings of one job title share (as the server's role_key): case, punctuation, spacing and
   * gender markers ignored, so the posting's "Data-Analyst (m/f/d)" is the tracked "data analyst". */
  Onward.roleKey = (role) => Onward.cleanRole(role).toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").trim();

  Onward.register = function (adapter) {
    Onward.adapters[adapter.id] = adapter;
  };
})(globalThis);
