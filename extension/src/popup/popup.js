/*
 * The popup: the week's summary from the server (key numbers, a small chart of the last
 * weeks, the emails to check with their one-click answers, the latest rejections with their
 * first next step) and clear states for not paired, server unreachable and an empty week.
 * Built from DOM nodes only.
 */
(function () {
  "use strict";
  const { el, svg, link, send } = Onward;
  const main = document.getElementById("main");

  const NUMBERS = [
    ["applications_sent", "Sent"], ["responses", "Replies"], ["interviews", "Interviews"], ["offers", "Offers"],
    ["rejections", "No's"],
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
        svg("rect", { class: "sent", x, y: base - sent, width: bar, height: sent }, svg("title", {}, `${w.week}: ${w.applications_sent} sent`)),
        svg("rect", { class: "resp", x: x + bar + 1, y: base - resp, width: bar, height: resp },
          svg("title", {}, `${w.week}: ${w.responses} replies`)),
        i % 3 === history.length % 3 - 1 || i === history.length - 1
          ? svg("text", { x, y: height - 2 }, String(w.week).replace(/^\d{4}-/, "")) : null,
      ];
    });
    return svg("svg", {
      class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": `Applications sent and replies over the last ${history.length} weeks`,
    }, ...items);
  }

  function delta(change) {
    if (!change || !change.delta) return null;
    return el("span", { class: "delta" }, `${change.delta > 0 ? "+" : ""}${change.delta} vs last week`);
  }

  function firstStep(item, serverUrl) {
    const step = item.first_step;
    if (!step) return null;
    if (step.kind === "feedback_email" && step.mailto) return link(step.mailto, step.title, {}, ["mailto:"]);
    if (step.kind === "open_application" && String(step.url).startsWith("/")) return link(serverUrl + step.url, step.title);
    if (item.application_id) return link(`${serverUrl}/applications/${item.application_id}`, step.title);
    return el("span", {}, step.title);
  }

  /** Texts of the "Please check" list: emails Onward is not sure are rejections, counted as nothing until answered. */
  const CHECK_TEXT = {
    heading: "Please check", explain: "Onward is not sure these are rejections; they count only if you say yes.",
    yes: "Yes", no: "No", yesLabel: "Yes, a rejection", noLabel: "No, not a rejection", more: "See all on the dashboard",
    failed: "That did not work; try again later.",
  };

  function checkList(checks, serverUrl) {
    if (!checks || !Array.isArray(checks.items) || !checks.items.length) return [];
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const items = checks.items.map((item) => {
      const m = item.message;
      const li = el("li", { class: "check", "data-message-id": String(m.id) });
      const yes = el("button", { type: "button", class: "check-yes", "aria-label": `${CHECK_TEXT.yesLabel}: ${item.question}` }, CHECK_TEXT.yes);
      const no = el("button", { type: "button", class: "check-no", "aria-label": `${CHECK_TEXT.noLabel}: ${item.question}` }, CHECK_TEXT.no);
      const reply = async (rejection) => {
        yes.disabled = true;
        no.disabled = true;
        const answer = await send("check/answer", { message_id: m.id, rejection });
        if (!answer.ok) {
          yes.disabled = false;
          no.disabled = false;
          status.textContent = answer.message || CHECK_TEXT.failed;
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
    const nodes = [el("h3", {}, `${CHECK_TEXT.heading} `, el("span", { class: "count", "data-count": String(checks.total) }, String(checks.total))),
      el("p", { class: "muted" }, CHECK_TEXT.explain), el("ul", { class: "checks" }, ...items), status];
    if (checks.total > checks.items.length) nodes.push(el("p", {}, link(`${serverUrl}/checks`, CHECK_TEXT.more)));
    return nodes;
  }

  function render({ summary, serverUrl }, checks) {
    const nodes = [el("h2", {}, summary.headline || `Week ${summary.week}`),
      el("p", { class: "muted" }, `${summary.week} \u00b7 ${summary.start} to ${summary.end}`)];
    if (summary.empty) {
      nodes.push(el("p", { class: "empty" }, "Nothing happened this week yet. When mail about your applications arrives, it shows up here."));
    }
    nodes.push(el("dl", { class: "numbers" }, ...NUMBERS.map(([key, label]) => el("div", { "data-key": key },
      el("dt", {}, label), el("dd", {}, String(summary[key] ?? 0)), delta(summary.change && summary.change[key])))));
    if (Array.isArray(summary.history) && summary.history.length) {
      nodes.push(chart(summary.history),
        el("p", { class: "legend" }, el("span", { class: "sent" }, "sent"), el("span", { class: "resp" }, "replies")));
    }
    nodes.push(...checkList(checks, serverUrl));
    if (summary.recent_rejections && summary.recent_rejections.length) {
      nodes.push(el("h3", {}, "Latest rejections"), el("ul", { class: "rejections" }, ...summary.recent_rejections.map((r) =>
        el("li", {}, el("strong", {}, [r.company, r.role].filter(Boolean).join(" \u2014 ") || "An application"), ": ",
          firstStep(r, serverUrl)))));
    }
    if (summary.strategy) {
      nodes.push(el("h3", {}, "For this week"), el("p", {}, el("strong", {}, summary.strategy.title), ` \u2014 ${summary.strategy.nudge || ""}`));
    }
    nodes.push(el("p", {}, link(`${serverUrl}/`, "Open the dashboard", { class: "button" })));
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
      return show(el("h2", {}, "Not paired yet"),
        el("p", {}, answer.error === "unauthorized" ? "The server no longer knows this browser." : "Connect the extension to your Onward server."),
        optionsButton("Pair with Onward"));
    }
    const retry = el("button", { type: "button", id: "retry" }, "Try again");
    retry.addEventListener("click", load);
    return show(el("h2", {}, answer.error === "unreachable" ? "Onward is not reachable" : "Something went wrong"),
      el("p", {}, answer.message || ""), retry);
  }

  load();
})();
