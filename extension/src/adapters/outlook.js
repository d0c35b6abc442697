/*
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com). The reading
 * pane (#ReadingPaneContainerId, or the element labelled "Reading Pane") holds the subject as a
 * level-2 heading, the sender in the element labelled "From: ...", and the body in the
 * element labelled "Message body".
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  function pane(doc) {
    return doc.querySelector('#ReadingPaneContainerId, [aria-label="Reading Pane"], [aria-label="Reading pane"]');
  }

  function sender(scope) {
    const node = scope.querySelector('[aria-label^="From:"], [aria-label^="From "]');
    if (!node) return { name: "", address: "" };
    const titled = [node, ...node.querySelectorAll("[title]")].map((n) => n.getAttribute("title") || "").find((t) => t.includes("@"));
    const parsed = Onward.splitSender(node.textContent);
    const label = (node.getAttribute("aria-label") || "").replace(/^From:?\s*/, "");
    return {
      name: parsed.name || Onward.splitSender(label).name,
      address: (titled ? Onward.splitSender(titled).address : "") || parsed.address,
    };
  }

  Onward.register({
    id: "outlook",
    kind: "webmail",
    matches: (doc, loc) => /^outlook\.(live|office|office365)\.com$/.test(loc.hostname),
    extract(doc, loc) {
      const scope = pane(doc);
      const body = scope && scope.querySelector('[aria-label="Message body"]');
      if (!body) return null;
      const from = sender(scope);
      return {
        subject: Onward.textOf(scope, '[role="heading"][aria-level="2"]', "h2"),
        from_name: from.name,
        from_address: from.address,
        text: Onward.bodyText(body),
        link: loc.href,
      };
    },
    anchor(doc) {
      const scope = pane(doc);
      return scope && scope.querySelector('[aria-label="Message body"]');
    },
  });
})(globalThis);
