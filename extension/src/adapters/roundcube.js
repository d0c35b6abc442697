/*
 * Roundcube, elastic skin (any host the user allows). The opened message is shown in
 * iframe#messagecontframe (or as a whole page when opened on its own), so this script runs
 * in every frame and acts only where the message header is.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  function subject(doc) {
    const h2 = doc.querySelector("#message-header h2.subject");
    if (!h2) return "";
    const copy = h2.cloneNode(true);
    copy.querySelectorAll(".voice, a, button").forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  Onward.register({
    id: "roundcube",
    kind: "webmail",
    matches: (doc) => Boolean(doc.querySelector("#message-header") && doc.querySelector("#messagebody")),
    extract(doc, loc) {
      const header = doc.querySelector("#message-header");
      const body = doc.querySelector("#messagebody");
      if (!header || !body) return null;
      const from = header.querySelector(".header.from a.rcmContactAddress, .header.from .rcmContactAddress");
      let name = "";
      let address = "";
      if (from) {
        address = (from.getAttribute("title") || "").trim().toLowerCase();
        name = from.textContent.replace(/\s+/g, " ").trim();
        if (!address) ({ name, address } = Onward.splitSender(name));
        if (name.toLowerCase() === address) name = "";
      }
      return { subject: subject(doc), from_name: name, from_address: address, text: Onward.bodyText(body), link: loc.href };
    },
    anchor: (doc) => doc.querySelector("#messagebody"),
  });
})(globalThis);
