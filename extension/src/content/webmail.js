/*
 * The webmail runner: watches the page, reads the open message with this site's adapter, asks
 * the background for advice and shows the card or the note before the message body.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;
  if (Onward.webmailStarted) return;
  Onward.webmailStarted = true;

  const state = { key: "", host: null, dismissed: new Set(), asking: 0, body: null, size: -1 };

  function keyOf(email) {
    return [email.subject, email.from_address, email.text.length, email.text.slice(0, 300)].join("\u0001");
  }

  function forget() {
    if (state.host) state.host.remove();
    Object.assign(state, { key: "", host: null, asking: state.asking + 1 });
    Onward.decided(null);
  }

  async function check() {
    const adapter = Object.values(Onward.adapters).find((a) => a.kind === "webmail" && a.matches(document, location));
    const body = adapter ? adapter.anchor(document) : null;
    // The same body element with the same amount of text is the same message: the page's own changes then
    // cost two look-ups, not a read of the whole message.
    const size = body ? body.textContent.length : -1;
    const same = body === state.body && size === state.size;
    Object.assign(state, { body, size });
    if (!body) return forget();
    if (same) {
      if (state.host && !state.host.isConnected) body.before(state.host);
      if (state.host) Onward.followScheme(state.host, body.parentElement || body);
      return;
    }
    const email = adapter.extract(document, location);
    if (!email || !(email.subject || email.text)) return forget();
    const key = keyOf(email);
    if (key === state.key) return;
    forget();
    state.key = key;
    if (state.dismissed.has(key)) return Onward.decided("dismissed");
    const ask = ++state.asking;
    Onward.decided("pending");
    const answer = await Onward.send("advice", { site: adapter.id, email });
    if (ask !== state.asking) return;
    if (!answer.ok) return Onward.decided(Onward.failedDecision(answer));
    if (answer.data.show === "none") return Onward.decided("none");
    const dismiss = () => {
      state.dismissed.add(key);
      state.host = null;
    };
    state.host = answer.data.show === "card"
      ? Onward.rejectionCard({ ...answer.data, site: adapter.id }, email, dismiss) : Onward.jobNote(answer.data, email, dismiss);
    const anchor = adapter.anchor(document);
    if (anchor) {
      Onward.followScheme(state.host, anchor.parentElement || anchor);
      anchor.before(state.host);
    }
    Onward.decided(anchor ? answer.data.show : "none");
  }

  Onward.watchPage(check);
})(globalThis);
