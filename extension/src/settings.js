/*
 * The extension's settings in chrome.storage.local, with typed defaults. Only the
 * background reads or writes them; pages ask through messages.js.
 */
(function (root) {
  "use strict";
  const Onward = (root.Onward = root.Onward || {});

  /** Every site adapter, by the id the content scripts send. */
  Onward.SITES = Object.freeze({
    gmail: "Gmail", outlook: "Outlook on the web", roundcube: "Roundcube (self-hosted webmail)",
    linkedin: "LinkedIn jobs", indeed: "Indeed", greenhouse: "Greenhouse", lever: "Lever", workday: "Workday",
    ashby: "Ashby",
  });

  Onward.DEFAULTS = Object.freeze({
    serverUrl: "http://127.0.0.1:5000",
    token: "",
    tokenId: 0,
    email: "",
    sites: Object.freeze(Object.fromEntries(Object.keys(Onward.SITES).map((id) => [id, true]))),
    threshold: 0.6,
    webmailHosts: Object.freeze([]),
    cardOpen: false,
  });

  /** Stored values of the right type, the default for anything missing or of another type. */
  Onward.coerceSettings = function (stored) {
    const out = {};
    for (const [key, fallback] of Object.entries(Onward.DEFAULTS)) {
      const value = stored ? stored[key] : undefined;
      if (Array.isArray(fallback)) {
        out[key] = Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
      } else if (typeof fallback === "object") {
        out[key] = { ...fallback };
        if (value && typeof value === "object") {
          for (const id of Object.keys(fallback)) if (typeof value[id] === "boolean") out[key][id] = value[id];
        }
      } else {
        out[key] = typeof value === typeof fallback ? value : fallback;
      }
    }
    out.threshold = Math.min(1, Math.max(0, out.threshold));
    return out;
  };

  /** The host permission and content-script pattern for an origin (match patterns leave out the port). */
  Onward.matchPattern = function (origin) {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*`;
  };

  /** An http(s) origin ("http://host:port") from what the user typed, or "" when it is not one. */
  Onward.normalizeOrigin = function (text) {
    try {
      const url = new URL(String(text).trim());
      return url.protocol === "http:" || url.protocol === "https:" ? url.origin : "";
    } catch {
      return "";
    }
  };
})(globalThis);
