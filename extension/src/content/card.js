/*
 * What Onward shows beside an open email: the rejection card (what happened, strategies with
 * their reasons, next steps as actions) and, for other job mail, a one-line note. Every
 * string from the email or the server goes in as text.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;
  const { el } = Onward;

  const LABEL_WORDS = {
    application_confirmation: "Application received", interview_invitation: "Interview invitation", offer: "Offer",
  };

  function say(status, text) {
    status.textContent = text;
  }

  function downloadText(shadow, filename, text) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    const a = el("a", { href: url, download: filename, hidden: true });
    shadow.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function copy(text, status) {
    try {
      await navigator.clipboard.writeText(text);
      say(status, "Copied. Paste it into a reply.");
    } catch {
      say(status, "Copying was not allowed here: select the text above and copy it.");
    }
  }

  /** The application id of this email, tracking the message first when the server has no application yet. */
  async function applicationId(ctx) {
    if (ctx.applicationId) return ctx.applicationId;
    const tracked = await Onward.send("message/track", { email: ctx.email });
    if (tracked.ok && tracked.data.message) {
      ctx.messageId = tracked.data.message.id;
      ctx.applicationId = tracked.data.message.application_id || null;
    }
    return ctx.applicationId;
  }

  function feedbackStep(step, ctx) {
    const panel = el("div", { class: "panel", hidden: true, id: "onward-feedback" });
    const draft = `${step.subject || ""}\n\n${step.body || ""}`.trim();
    panel.append(
      step.to ? el("p", { class: "muted" }, "To: ", step.to) : null,
      step.subject ? el("p", {}, el("strong", {}, step.subject)) : null,
      el("pre", {}, step.body || ""),
      el("div", { class: "steps" },
        buttonFor("Copy the draft", () => copy(draft, ctx.status)),
        step.mailto ? Onward.link(step.mailto, "Open in my mail app", { class: "button" }, ["mailto:"]) : null),
    );
    const open = buttonFor(step.title, () => {
      panel.hidden = !panel.hidden;
      open.setAttribute("aria-expanded", String(!panel.hidden));
    }, { "aria-controls": "onward-feedback", "aria-expanded": "false" });
    return [open, panel];
  }

  function reflectionStep(step, ctx) {
    const wentWell = el("textarea", { id: "onward-went-well", maxlength: "5000" });
    const toChange = el("textarea", { id: "onward-to-change", maxlength: "5000" });
    const panel = el("form", { class: "panel", hidden: true, id: "onward-reflection", "aria-label": "Reflection" },
      el("label", { for: "onward-went-well" }, "What went well?"), wentWell,
      el("label", { for: "onward-to-change" }, "What would you do differently?"), toChange,
      el("div", { class: "steps" }, el("button", { type: "submit" }, "Save reflection")));
    panel.addEventListener("submit", async (event) => {
      event.preventDefault();
      const id = step.application_id || (await applicationId(ctx));
      if (!id) return say(ctx.status, "Track this application first, then add a reflection.");
      const answer = await Onward.send("reflection/add", {
        application_id: id, went_well: wentWell.value.trim(), to_change: toChange.value.trim(),
      });
      if (answer.ok) {
        panel.hidden = true;
        say(ctx.status, "Reflection saved.");
      } else {
        say(ctx.status, answer.message || "The reflection could not be saved.");
      }
    });
    const open = buttonFor(step.title, () => {
      panel.hidden = !panel.hidden;
      open.setAttribute("aria-expanded", String(!panel.hidden));
      if (!panel.hidden) wentWell.focus();
    }, { "aria-controls": "onward-reflection", "aria-expanded": "false" });
    return [open, panel];
  }

  function followUpStep(step, ctx) {
    return [buttonFor(step.title, async () => {
      const answer = await Onward.send("follow-up/ics", { application_id: step.application_id, days: step.days || 7 });
      if (!answer.ok) return say(ctx.status, answer.message || "The reminder could not be made.");
      downloadText(ctx.shadow, answer.data.filename, answer.data.text);
      say(ctx.status, "Reminder downloaded: open it to add it to your calendar.");
    })];
  }

  function notRejectionStep(step, ctx) {
    return [buttonFor(step.title || "Not a rejection", async () => {
      const answer = await Onward.send("message/not-rejection", { message_id: step.message_id || ctx.messageId || null, email: ctx.email });
      if (!answer.ok) return say(ctx.status, answer.message || "That did not work; try again later.");
      ctx.body.replaceChildren(el("p", {}, "Thanks. Onward will not count this email as a rejection."));
      say(ctx.status, "Marked as not a rejection.");
    })];
  }

  function buttonFor(text, onClick, attrs = {}) {
    const button = el("button", { type: "button", ...attrs }, text);
    button.addEventListener("click", onClick);
    return button;
  }

  function stepNodes(step, ctx) {
    switch (step.kind) {
      case "feedback_email": return feedbackStep(step, ctx);
      case "reflection": return reflectionStep(step, ctx);
      case "follow_up": return step.application_id ? followUpStep(step, ctx) : [];
      case "not_a_rejection": return notRejectionStep(step, ctx);
      case "open_application":
        return [Onward.link(ctx.serverUrl + (String(step.url).startsWith("/") ? step.url : "/"), step.title, { class: "button" })];
      case "similar_roles":
        return [el("p", { class: "muted" }, step.title, ": ",
          ...(step.links || []).flatMap((l, i) => [i ? ", " : "", Onward.link(l.url, l.name)]))];
      case "network":
        return [el("p", { class: "muted" }, el("strong", {}, step.title), step.text ? ` ${step.text}` : "")];
      default: return [];
    }
  }

  function closeButton(host, onDismiss, label) {
    return buttonFor("\u00d7", () => { host.remove(); onDismiss(); }, { class: "close", "aria-label": label });
  }

  /** Texts of the "Please check" card: the server never says "X said no" for an email it is not sure of. */
  const CHECK_TEXT = {
    title: "Please check: is this a rejection?",
    explain: "Onward is not sure, so it does not count this email as a rejection until you say so.",
    yes: "Yes, it is a rejection", no: "No, it is not",
    failed: "That did not work; try again later.",
    savedNo: "Thanks. Onward will not count this email as a rejection.",
    savedYes: "Thanks. Onward counts this email as a rejection.",
    remembered: "Onward will remember your answer for this sender's next email.",
    label: "Onward: please check this email",
  };

  /** The "Please check" card: a neutral question and two one-click answers instead of strategies. A yes
   *  turns the same card into the rejection card with the advice the server sends back. */
  function fillCheck(host, shadow, answer, email, onDismiss) {
    const advice = answer.advice;
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const body = el("div", { class: "check" });
    let messageId = advice.message_id || (answer.message ? answer.message.id : null);
    const yes = el("button", { type: "button", class: "check-yes" }, CHECK_TEXT.yes);
    const no = el("button", { type: "button", class: "check-no" }, CHECK_TEXT.no);
    const reply = async (rejection) => {
      yes.disabled = true;
      no.disabled = true;
      const res = await Onward.send("check/answer", { message_id: messageId, rejection, email });
      if (!res.ok) {
        yes.disabled = false;
        no.disabled = false;
        return say(status, res.message || CHECK_TEXT.failed);
      }
      messageId = res.data.message ? res.data.message.id : messageId;
      if (rejection && res.data.advice && !res.data.advice.check) {
        card.remove();
        fillRejection(host, shadow, { ...answer, advice: res.data.advice, message: res.data.message,
          application: res.data.application }, email, onDismiss);
        return undefined;
      }
      body.replaceChildren(el("p", {}, rejection ? CHECK_TEXT.savedYes : CHECK_TEXT.savedNo));
      return say(status, CHECK_TEXT.remembered);
    };
    yes.addEventListener("click", () => reply(true));
    no.addEventListener("click", () => reply(false));
    const facts = [advice.company, advice.role].filter(Boolean).join(" \u00b7 ");
    body.append(
      facts ? el("p", { class: "facts" }, facts) : null,
      el("p", { class: "muted" }, CHECK_TEXT.explain),
      el("div", { class: "steps" }, yes, no),
    );
    const card = el("section", { class: "box card check-card", role: "region", "aria-label": CHECK_TEXT.label },
      el("div", { class: "top" },
        el("div", {}, el("p", { class: "brand" }, "Onward"), el("h2", {}, CHECK_TEXT.title)),
        closeButton(host, onDismiss, "Dismiss Onward's question")),
      body, status);
    card.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { host.remove(); onDismiss(); }
    });
    shadow.append(card);
    return host;
  }

  /** The rejection card for an advice answer (the "Please check" card when the advice is a check);
   *  `onDismiss` is called when the user closes it. */
  Onward.rejectionCard = function (answer, email, onDismiss) {
    const { host, shadow } = Onward.shadowHost("card");
    if (answer.advice && answer.advice.check) return fillCheck(host, shadow, answer, email, onDismiss);
    return fillRejection(host, shadow, answer, email, onDismiss);
  };

  function fillRejection(host, shadow, answer, email, onDismiss) {
    const advice = answer.advice;
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const body = el("div", {});
    const ctx = {
      shadow, status, body, email, serverUrl: answer.serverUrl,
      messageId: answer.message ? answer.message.id : advice.message_id,
      applicationId: advice.application_id || (answer.application ? answer.application.id : null),
    };
    const facts = [
      advice.company ? ["Company", advice.company] : null, advice.role ? ["Role", advice.role] : null,
      advice.stage && Onward.STAGE_WORDS[advice.stage] ? ["Stage", Onward.STAGE_WORDS[advice.stage]] : null,
    ].filter(Boolean);
    const strategies = el("ul", { class: "strategies" }, ...(advice.strategies || []).map((s) => el("li", { class: "strategy", "data-id": s.id },
      el("strong", {}, s.title), s.reason ? el("span", { class: "reason" }, ` \u2014 ${s.reason}`) : null,
      s.nudge ? el("p", {}, s.nudge) : null)));
    const steps = el("div", { class: "steps" });
    const panels = el("div", {});
    for (const step of advice.next_steps || []) {
      for (const node of stepNodes(step, ctx)) (node.classList.contains("panel") ? panels : steps).append(node);
    }
    body.append(
      facts.length ? el("p", { class: "facts" }, ...facts.flatMap(([k, v], i) => [i ? " \u00b7 " : "", `${k}: `, el("strong", {}, v)])) : null,
      el("h3", { id: "onward-strategies" }, "What can help now"), strategies,
      el("h3", {}, "Next steps"), steps, panels,
    );
    const card = el("section", { class: "box card", role: "region", "aria-label": "Onward: help with this rejection" },
      el("div", { class: "top" },
        el("div", {}, el("p", { class: "brand" }, "Onward"), el("h2", {}, advice.summary || "This looks like a rejection."),
          email.subject ? el("p", { class: "muted about" }, "About: ", email.subject) : null),
        closeButton(host, onDismiss, "Dismiss Onward's advice")),
      advice.reason ? el("p", { class: "muted reason" }, advice.reason) : null,
      body, status);
    card.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { host.remove(); onDismiss(); }
    });
    shadow.append(card);
    return host;
  }

  /** The small note for a confirmation, an interview invitation or an offer. */
  Onward.jobNote = function (answer, email, onDismiss) {
    const { host, shadow } = Onward.shadowHost("note");
    const c = answer.classification;
    const app = answer.application;
    const what = [c.company, c.role].filter(Boolean).join(" \u2014 ");
    const status = el("span", { class: "status", role: "status", "aria-live": "polite" });
    const note = el("aside", { class: "box note", "aria-label": "Onward" },
      el("span", { class: "brand" }, "Onward"),
      el("span", { class: "what" }, LABEL_WORDS[c.label] || "Job email", what ? `: ${what}` : ""),
      app ? el("span", { class: "muted" }, `Status: ${app.status}`) : null);
    if (!app && !answer.message) {
      const track = buttonFor("Track this application", async () => {
        const tracked = await Onward.send("message/track", { email });
        if (!tracked.ok) return say(status, tracked.message || "Tracking did not work.");
        track.remove();
        say(status, tracked.data.application ? `Tracked. Status: ${tracked.data.application.status}` : "Tracked.");
      });
      note.append(track);
    }
    note.append(status, closeButton(host, onDismiss, "Dismiss Onward's note"));
    shadow.append(note);
    return host;
  };
})(globalThis);
