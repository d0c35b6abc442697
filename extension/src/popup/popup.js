/*
 * The popup: the week's summary from the server (key numbers, a small chart of the last
 * weeks, the emails to check with their one-click answers, the latest rejections with their
 * first next step) and clear states for not paired, server unreachable and an empty week.
 * Built from DOM nodes only.
 */
(function () {
  "use strict";
  const { el, svg, link, send, t } = Onward;
  const main = document.getElementById("main");

  /** The week's numbers and the words for them (the dashboard's words). */
  const NUMBERS = [
    ["applications_sent", "numSent"], ["responses", "numResponses"], ["interviews", "numInterviews"], ["offers", "numOffers"],
    ["rejections", "numRejections"],
  ];

  function show(...nodes) {
    main.replaceChildren(...nodes);
    main.setAttribute("aria-busy", "false");
  }

  function optionsButton(text) {
    const button = el("button", { type: "button" }, text);
    button.addEventListener("click", () => (globalThis.browser || globalThis.chrome).runtime.openOptionsPage());
    return button;
  }

  function chart(history) {
    const width = 336;
    const height = 90;
    const base = height - 14;
    const max = Math.max(1, ...history.map((w) => Math.max(w.applications_sent, w.responses)));
    const slot = width / Math.max(1, history.length);
    const bar = Math.max(3, slot / 2 - 2);
    const items = history.flatMap((w, i) => {
      const x = i * slot + 2;
      const sent = (w.applications_sent / max) * (base - 4);
      const resp = (w.responses / max) * (base - 4);
      return [
        svg("rect", { class: "sent", x, y: base - sent, width: bar, height: sent }, svg("title", {}, t("chartSent", w.week, w.applications_sent))),
        svg("rect", { class: "resp", x: x + bar + 1, y: base - resp, width: bar, height: resp },
          svg("title", {}, t("chartResponses", w.week, w.responses))),
        i % 3 === history.length % 3 - 1 || i === history.length - 1
          ? svg("text", { x, y: height - 2 }, String(w.week).replace(/^\d{4}-/, "")) : null,
      ];
    });
    return svg("svg", {
      class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": t("chartLabel", history.length),
    }, ...items);
  }

  function delta(change) {
    if (!change || !change.delta) return null;
    return el("span", { class: "delta" }, t("vsLastWeek", `${change.delta > 0 ? "+" : ""}${change.delta}`));
  }

  /** A link to a dashboard page that opens it signed in (a one-time link from the background); a plain link when
   *  that cannot be had. */
  let serverBase = "";
  function dashboardLink(path, text, attrs = {}) {
    const a = link(serverBase + path, text, attrs);
    a.addEventListener("click", async (event) => {
      if (a.tagName !== "A") return;
      event.preventDefault();
      const answer = await send("signin-link", { path });
      if (!answer.ok) globalThis.open(a.href, "_blank", "noopener");
    });
    return a;
  }

  function firstStep(item) {
    const step = item.first_step;
    if (!step) return null;
    if (step.kind === "feedback_email" && step.mailto) return link(step.mailto, step.title, {}, ["mailto:"]);
    if (step.kind === "open_application" && String(step.url).startsWith("/")) return dashboardLink(step.url, step.title);
    if (item.application_id) return dashboardLink(`/applications/${item.application_id}`, step.title);
    return el("span", {}, step.title);
  }

  function checkList(checks) {
    if (!checks || !Array.isArray(checks.items) || !checks.items.length) return [];
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const items = checks.items.map((item) => {
      const m = item.message;
      const li = el("li", { class: "check", "data-message-id": String(m.id) });
      const yes = el("button", { type: "button", class: "check-yes", "aria-label": t("checkYesLabel", item.question) }, t("yes"));
      const no = el("button", { type: "button", class: "check-no", "aria-label": t("checkNoLabel", item.question) }, t("no"));
      const reply = async (rejection) => {
        yes.disabled = true;
        no.disabled = true;
        const answer = await send("check/answer", { message_id: m.id, rejection });
        if (!answer.ok) {
          yes.disabled = false;
          no.disabled = false;
          status.textContent = answer.message || t("failed");
          return;
        }
        load();
      };
      yes.addEventListener("click", () => reply(true));
      no.addEventListener("click", () => reply(false));
      li.append(el("span", { class: "question" }, item.question), el("span", { class: "answers" }, yes, no),
        m.subject ? el("span", { class: "muted subject" }, m.subject) : null);
      return li;
    });
    const nodes = [el("h3", {}, `${t("checkHeading")} `, el("span", { class: "count", "data-count": String(checks.total) }, String(checks.total))),
      el("p", { class: "muted" }, t("checkListExplain")), el("ul", { class: "checks" }, ...items), status];
    if (checks.total > checks.items.length) nodes.push(el("p", {}, dashboardLink("/checks", t("seeAllChecks"))));
    return nodes;
  }

  function render({ summary, serverUrl }, checks) {
    serverBase = serverUrl;
    const nodes = [el("h2", {}, summary.headline || t("weekOf", summary.week)),
      el("p", { class: "muted" }, t("weekRange", Onward.localDate(summary.start), Onward.localDate(summary.end)))];
    if (summary.empty) nodes.push(el("p", { class: "empty" }, t("emptyWeek")));
    nodes.push(el("dl", { class: "numbers" }, ...NUMBERS.map(([key, label]) => el("div", { "data-key": key },
      el("dt", {}, t(label)), el("dd", {}, String(summary[key] ?? 0)), delta(summary.change && summary.change[key])))));
    if (Array.isArray(summary.history) && summary.history.length) {
      nodes.push(chart(summary.history),
        el("p", { class: "legend" }, el("span", { class: "sent" }, t("legendSent")), el("span", { class: "resp" }, t("legendResponses"))));
    }
    nodes.push(...checkList(checks));
    if (summary.recent_rejections && summary.recent_rejections.length) {
      nodes.push(el("h3", {}, t("latestRejections")), el("ul", { class: "rejections" }, ...summary.recent_rejections.map((r) =>
        el("li", {}, el("strong", {}, [r.company, r.role].filter(Boolean).join(" \u2014 ") || t("anApplication")), ": ",
          firstStep(r)))));
    }
    if (summary.strategy) {
      nodes.push(el("h3", {}, t("forThisWeek")), el("p", {}, el("strong", {}, summary.strategy.title), ` \u2014 ${summary.strategy.nudge || ""}`));
    }
    nodes.push(el("p", {}, dashboardLink("/", t("openDashboard"), { class: "button", id: "open-dashboard" })));
    show(...nodes);
  }

  async function load() {
    main.setAttribute("aria-busy", "true");
    const answer = await send("summary");
    if (answer.ok) {
      const checks = await send("checks");
      return render(answer.data, checks.ok ? checks.data.checks : null);
    }
    if (answer.error === "not_paired" || answer.error === "unauthorized") {
      return show(el("h2", {}, t("notPairedYet")),
        el("p", {}, answer.error === "unauthorized" ? t("serverForgot") : t("connectExtension")),
        optionsButton(t("pairWithOnward")));
    }
    const retry = el("button", { type: "button", id: "retry" }, t("tryAgain"));
    retry.addEventListener("click", load);
    return show(el("h2", {}, answer.error === "unreachable" ? t("unreachable") : t("somethingWrong")),
      el("p", {}, answer.message || ""), retry);
  }

  Onward.localize(document);
  load();
})();
