/*
 * The job-board runner: reads the employer and title of the job on screen, asks the
 * background what the user has had with that employer, and shows a small badge with a
 * one-click "Track this application".
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;
  const { el } = Onward;
  if (Onward.jobboardStarted) return;
  Onward.jobboardStarted = true;


  const state = { key: "", host: null, dismissed: new Set(), asking: 0 };

  function month(iso) {
    const d = new Date(iso);
    const opts = { month: "long" };
    if (d.getFullYear() !== new Date().getFullYear()) opts.year = "numeric";
    return d.toLocaleDateString("en-GB", opts);
  }

  /** One plain sentence about an application, e.g. "Applied 12 March for Data Analyst, no answer yet". */
  Onward.historyLine = function (app) {
    const role = app.role ? ` for ${app.role}` : "";
    const first = Onward.shortDate(app.first_contact_at);
    const last = Onward.shortDate(app.last_contact_at);
    switch (app.status) {
      case "applied": return `Applied ${first}${role}, no answer yet`;
      case "assessment": return `Assessment${role} since ${last}`;
      case "interviewing": return `Interviewing${role} (last contact ${last})`;
      case "offer": return `Offer${role} on ${last}`;
      case "withdrawn": return `You withdrew${role} on ${last}`;
      case "ghosted": return `Applied ${first}${role}, no answer since`;
      case "rejected": {
        const stage = app.last_message && app.last_message.stage ? Onward.STAGE_WORDS[app.last_message.stage] : "";
        const advice = app.last_message && app.last_message.stage === "interview"
          ? "ask for feedback before applying again" : "a new application can still work";
        return `Rejected${role}${stage ? ` ${stage}` : ""} in ${month(app.last_contact_at)}: ${advice}`;
      }
      default: return `${app.status}${role}`;
    }
  };

  function badge(data, job, dismiss) {
    const { host, shadow } = Onward.shadowHost("badge");
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const apps = data.applications;
    const lines = apps.length
      ? el("ul", { class: "history" }, ...apps.map((a) => el("li", {}, Onward.historyLine(a))))
      : el("p", { class: "muted" }, `Nothing with ${job.company} yet.`);
    const tracked = apps.some((a) => (a.role || "").toLowerCase() === job.role.toLowerCase() && !["rejected", "withdrawn"].includes(a.status));
    const actions = el("div", { class: "steps" });
    if (!tracked) {
      const track = el("button", { type: "button" }, "Track this application");
      track.addEventListener("click", async () => {
        track.disabled = true;
        const answer = await Onward.send("application/track", { company: job.company, role: job.role });
        if (answer.ok) {
          track.remove();
          status.textContent = `Tracked: ${job.company}${job.role ? ` \u2014 ${job.role}` : ""}.`;
        } else {
          track.disabled = false;
          status.textContent = answer.message || "Tracking did not work.";
        }
      });
      actions.append(track);
    }
    if (apps.length) actions.append(Onward.link(`${data.serverUrl}/applications/${apps[0].id}`, "Open in Onward", { class: "button" }));
    const close = el("button", { type: "button", class: "close", "aria-label": "Dismiss Onward's badge" }, "\u00d7");
    close.addEventListener("click", () => { host.remove(); dismiss(); });
    const box = el("aside", { class: "box badge", "aria-label": `Onward: your history with ${data.company || job.company}` },
      el("div", { class: "top" }, el("p", { class: "brand" }, `Onward \u00b7 ${data.company || job.company}`), close),
      lines, actions, status);
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { host.remove(); dismiss(); }
    });
    shadow.append(box);
    return host;
  }

  async function check() {
    const adapter = Object.values(Onward.adapters).find((a) => a.kind === "jobboard" && a.matches(document, location));
    const job = adapter ? adapter.extract(document, location) : null;
    if (!job || !job.company) return;
    const key = `${job.company}\u0001${job.role}`;
    if (key === state.key) {
      if (state.host && !state.host.isConnected) document.body.append(state.host);
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
    state.host = badge(answer.data, job, () => { state.dismissed.add(key); state.host = null; });
    document.body.append(state.host);
    Onward.decided("badge");
  }

  Onward.watchPage(check, 600);
})(globalThis);
