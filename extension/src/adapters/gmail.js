/*
 * Gmail (mail.google.com). The open conversation has its subject in h2.hP; each expanded
 * message is a div.adn with the sender in span.gD[email] and the body in div.a3s. The last
 * expanded message is the one being read.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  function openMessage(doc) {
    const expanded = [...doc.querySelectorAll("div.adn")].filter((m) => m.querySelector("div.a3s"));
    return expanded[expanded.length - 1] || null;
  }

  Onward.register({
    id: "gmail",
    kind: "webmail",
    matches: (doc, loc) => loc.hostname === "mail.google.com",
    extract(doc, loc) {
      const message = openMessage(doc);
      if (!message) return null;
      const sender = message.querySelector("span.gD[email], span[email].go, [email]");
      return {
        subject: Onward.textOf(doc, "h2.hP"),
        from_name: sender ? (sender.getAttribute("name") || sender.textContent || "").trim() : "",
        from_address: sender ? (sender.getAttribute("email") || "").trim().toLowerCase() : "",
        text: Onward.bodyText(message.querySelector("div.a3s")),
        link: loc.href,
      };
    },
    anchor(doc) {
      const message = openMessage(doc);
      return message ? message.querySelector("div.a3s") : null;
    },
  });
})(globalThis);
