/*
 * The job-board runner: reads the employer and title of the posting on screen, asks the background what the
 * user has had with that employer, and puts a compact badge in the page's flow right under the posting's
 * header (the adapter's anchor), so it never lies over the board's own buttons, sticky Apply bars or
 * LinkedIn's messaging bar, and scrolls away with the header. One line of history (the rest behind *N more*),
 * *Track* that asks whether the user applied or saved the posting for later, and a link to Onward.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;
  const { el, t } = Onward;
  if (Onward.jobboardStarted) return;
  Onward.jobboardStarted = true;

  /** Each status's history line, without and with the role: whole sentences in _locales, each taking the role
   * as $1 and the date as $2. A rejection's line also says what to do next, which depends on its stage. */
  const LINES = {
    saved: ["historySaved", "historySavedRole"],
    applied: ["historyApplied", "historyAppliedRole"],
    assessment: ["historyAssessment", "historyAssessmentRole"],
    interviewing: ["historyInterviewing", "historyInterviewingRole"],
    offer: ["historyOffer", "historyOfferRole"],
    withdrawn: ["historyWithdrawn", "historyWithdrawnRole"],
    ghosted: ["historyGhosted", "historyGhostedRole"],
  };
  const REJECTED = {
    application: ["historyRejectedApplication", "historyRejectedApplicationRole"],
    assessment: ["historyRejectedAssessment", "historyRejectedAssessmentRole"],
    interview: ["historyRejectedInterview", "historyRejectedInterviewRole"],
    unknown: ["historyRejected", "historyRejectedRole"],
  };
  /** Which date a status's line gives: when it started (saved, applied, no answer since), else the last contact. */
  const FROM_FIRST = new Set(["saved", "applied", "ghosted"]);

  /** The badge's look; its colours are the card's (host.js), light or dark with the page around it. */
  const CSS = `
.jb { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; padding: 6px 8px 6px 10px;
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; max-width: 100%; box-sizing: border-box; text-align: left; }
.jb * { box-sizing: border-box; }
.jb-brand { flex: none; font-size: 11px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--accent); }
.jb-head { flex: 1 1 22em; min-width: 0; display: flex; align-items: baseline; gap: 8px; }
.jb-line { margin: 0; flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; outline: none; }
.jb-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-left: auto; }
.jb-ask { margin: 0; flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.jb button, .jb a.jb-button { font: inherit; font-size: 12px; line-height: 1.5; border: 1px solid var(--accent); background: var(--button-bg);
  color: var(--button-fg); border-radius: 6px; padding: 1px 8px; margin: 0; cursor: pointer; text-decoration: none; display: inline-block; }
.jb button:hover, .jb a.jb-button:hover { background: var(--hover); }
.jb button:focus-visible, .jb a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.jb button.jb-close { border: none; background: transparent; font-size: 16px; line-height: 1; padding: 2px 4px; color: var(--muted); }
.jb-others { flex-basis: 100%; margin: 0; padding-left: 18px; }
.jb-others[hidden], .jb-ask[hidden] { display: none; }
.jb-others li { margin: 2px 0; }
.jb-error { flex-basis: 100%; margin: 0; color: var(--error); }
`;

  /** How the badge's host sits in the board's page: a block of its own in the flow (below floats, never
   * positioned over anything), as wide as its column allows. Inline, so the board's styles cannot move it. */
  const HOST_STYLE = "display:block;position:static;clear:both;float:none;margin:8px 0;max-width:100%;" +
    "flex:1 1 100%;min-width:0;z-index:auto;";

  const state = { key: "", host: null, adapter: null, dismissed: new Set(), asking: 0 };

  /** One plain sentence about an application in the browser's language, e.g. "Rejected for Data Analyst after an
   * interview on 20 May: …"; a status the extension does not know yet shows as its word. */
  Onward.historyLine = function (app) {
    const stage = (app.last_message && app.last_message.stage) || "unknown";
    const keys = app.status === "rejected" ? REJECTED[stage] || REJECTED.unknown : LINES[app.status];
    if (!keys) return Onward.statusWord(app.status);
    const date = Onward.localDate(FROM_FIRST.has(app.status) ? app.first_contact_at : app.last_contact_at);
    return t(keys[app.role ? 1 : 0], app.role || "", date);
  };

  /** The application that is this posting and still open (roles compared without gender markers), or undefined. */
  function tracked(apps, job) {
    const role = Onward.roleKey(job.role);
    return apps.find((a) => Onward.roleKey(a.role) === role && !["rejected", "withdrawn"].includes(a.status));
  }

  /** Fill `box` with the badge for these applications; called again after *Track* with the new one first. */
  function render(box, data, job, close) {
    const apps = data.applications;
    const company = data.company || job.company;
    const line = el("p", { class: "jb-line", tabindex: "-1", "aria-live": "polite" },
      apps.length ? `${Onward.historyLine(apps[0])}.` : t("badgeNothing", company));
    const actions = el("div", { class: "jb-actions" });
    const others = el("ul", { class: "jb-others", hidden: true }, ...apps.slice(1).map((a) => el("li", {}, Onward.historyLine(a))));
    const ask = el("p", { class: "jb-ask", hidden: true });
    let error = null;
    const fail = (text) => {
      if (!error) { error = el("p", { class: "jb-error", role: "alert" }); box.append(error); }
      error.textContent = text;
    };

    const own = tracked(apps, job);
    /** Show the badge again with `app` (new, or moved on) first, and say so through the live line. */
    const show = (app) => {
      render(box, { ...data, company, applications: [app, ...apps.filter((a) => a.id !== app.id)] }, job, close);
      box.querySelector(".jb-line").focus();
    };
    if (own && own.status === "saved") {
      const applied = el("button", { type: "button" }, t("badgeAppliedNow"));
      applied.addEventListener("click", async () => {
        applied.disabled = true;
        const answer = await Onward.send("application/applied", { application_id: own.id });
        if (answer.ok) show(answer.data);
        else { applied.disabled = false; fail(answer.message || t("trackFailed")); }
      });
      actions.append(applied);
    }
    if (!own) {
      const track = el("button", { type: "button", "aria-expanded": "false" }, t("badgeTrack"));
      const cancel = el("button", { type: "button" }, t("cancel"));
      const choose = (status, text) => {
        const button = el("button", { type: "button", "data-status": status }, text);
        button.addEventListener("click", async () => {
          for (const b of ask.querySelectorAll("button")) b.disabled = true;
          const answer = await Onward.send("application/track", { company: job.company, role: job.role, status });
          if (answer.ok) show(answer.data);
          else {
            for (const b of ask.querySelectorAll("button")) b.disabled = false;
            fail(answer.message || t("trackFailed"));
          }
        });
        return button;
      };
      ask.append(el("span", {}, t("badgeAsk")), choose("applied", t("badgeApplied")), choose("saved", t("badgeSave")), cancel);
      const toggle = (open) => {
        ask.hidden = !open;
        track.setAttribute("aria-expanded", String(open));
        (open ? ask.querySelector("button") : track).focus();
      };
      track.addEventListener("click", () => toggle(ask.hidden));
      cancel.addEventListener("click", () => toggle(false));
      actions.append(track);
    }
    if (apps.length > 1) {
      const more = el("button", { type: "button", "aria-expanded": "false" }, t("badgeMore", apps.length - 1));
      more.addEventListener("click", () => {
        others.hidden = !others.hidden;
        more.setAttribute("aria-expanded", String(!others.hidden));
        more.textContent = others.hidden ? t("badgeMore", apps.length - 1) : t("badgeFewer");
      });
      actions.append(more);
    }
    if (apps.length) actions.append(Onward.link(`${data.serverUrl}/applications/${apps[0].id}`, t("badgeOpen"), { class: "jb-button" }));
    const dismiss = el("button", { type: "button", class: "jb-close", "aria-label": t("badgeDismiss") }, "\u00d7");
    dismiss.addEventListener("click", close);
    actions.append(dismiss);

    box.setAttribute("aria-label", t("badgeLabel", company));
    box.replaceChildren(el("div", { class: "jb-head" }, el("span", { class: "jb-brand" }, t("extName")), line), actions, ask, others);
  }

  function badge(data, job, dismiss) {
    const { host, shadow } = Onward.shadowHost("badge");
    host.style.cssText = HOST_STYLE;
    shadow.append(el("style", { text: CSS }));
    const close = () => { host.remove(); dismiss(); };
    const box = el("aside", { class: "jb" });
    box.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      const ask = box.querySelector(".jb-ask:not([hidden])");
      if (ask) ask.querySelector("button:last-child").click();  // Escape first closes the question (Cancel)
      else close();
    });
    render(box, data, job, close);
    shadow.append(box);
    return host;
  }

  /** Put the badge under the posting's header (without an anchor, at the top of the page's main content), light or
   * dark as the page around it is. */
  function place(host, adapter) {
    const anchor = adapter.anchor ? adapter.anchor(document) : null;
    if (anchor && anchor.parentNode) anchor.after(host);
    else (document.querySelector("main") || document.body).prepend(host);
    Onward.followScheme(host, host.parentElement);
  }

  async function check() {
    const adapter = Object.values(Onward.adapters).find((a) => a.kind === "jobboard" && a.matches(document, location));
    const found = adapter ? adapter.extract(document, location) : null;
    if (!found || !found.company) return;
    const job = { ...found, role: Onward.cleanRole(found.role) };
    const key = `${job.company}\u0001${Onward.roleKey(job.role)}`;
    if (key === state.key) {
      if (state.host && !state.host.isConnected) place(state.host, adapter);  // the board re-rendered its header
      else if (state.host) Onward.followScheme(state.host, state.host.parentElement);  // the board may have switched
      return;
    }
    state.key = key;
    if (state.host) state.host.remove();
    state.host = null;
    if (state.dismissed.has(key)) return Onward.decided("dismissed");
    const ask = ++state.asking;
    Onward.decided("pending");
    const answer = await Onward.send("history", { site: adapter.id, company: job.company, role: job.role, domain: job.domain || "" });
    if (ask !== state.asking) return;
    if (!answer.ok) return Onward.decided(Onward.failedDecision(answer));
    state.host = badge(answer.data, job, () => { state.dismissed.add(key); state.host = null; Onward.decided("dismissed"); });
    place(state.host, adapter);
    Onward.decided("badge");
  }

  Onward.watchPage(check, 600);
})(globalThis);
