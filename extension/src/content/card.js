/*
 * What Onward shows beside an open email: the rejection card and, for other job mail, a one-line note.
 *
 * The card is compact so the email stays in view (at most about 140 px closed): one sentence of what
 * happened, the one strategy that fits best with its reason, and the two most useful next steps as
 * buttons. *More* opens the rest in place (the other strategies, the other steps, *Not a rejection*,
 * why the card shows); whether the user last left it open is remembered. The advice texts come from the
 * server in the email's language; the extension's own words come from _locales in the browser's
 * language. Every string from the email or the server goes in as text.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;
  const { el, t } = Onward;

  /** Next steps that can be a button in the closed card, in the order the server gave them. */
  const ACTIONS = new Set(["feedback_email", "reflection", "follow_up", "open_application"]);

  /** What *Not a rejection* offers, as the PATCH bodies of the corrections contract. */
  const KINDS = [
    ["kindConfirmation", "correctedConfirmation", { label: "application_confirmation" }],
    ["kindInvitation", "correctedInvitation", { label: "interview_invitation" }],
    ["kindOtherJob", "correctedOtherJob", { label: "other" }],
    ["kindNotJob", "correctedNotJob", { label: "other", about_job: false }],
  ];

  /** The note's words for each label the note is shown for. */
  const LABEL_KEYS = { application_confirmation: "noteConfirmation", interview_invitation: "noteInvitation", offer: "noteOffer" };

  function say(status, text) {
    status.textContent = text;
  }

  function buttonFor(text, onClick, attrs = {}) {
    const button = el("button", { type: "button", ...attrs }, text);
    button.addEventListener("click", onClick);
    return button;
  }

  /** A button that shows and hides `panel`, keeping aria-expanded right. */
  function toggleFor(text, panel, onOpen) {
    const button = buttonFor(text, () => {
      panel.hidden = !panel.hidden;
      button.setAttribute("aria-expanded", String(!panel.hidden));
      if (!panel.hidden && onOpen) onOpen();
    }, { "aria-controls": panel.id, "aria-expanded": "false" });
    return button;
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
      say(status, t("copied"));
    } catch {
      say(status, t("copyRefused"));
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
    let body = step.body || "";
    const text = el("pre", {}, body);
    const copyButton = buttonFor(t("copyDraft"), () => copy(`${step.subject || ""}\n\n${body}`.trim(), ctx.status));
    const open = step.mailto ? Onward.link(step.mailto, t("openInMailApp"), { class: "button" }, ["mailto:"]) : null;
    panel.append(
      step.to ? el("p", { class: "muted" }, t("draftTo", step.to)) : null,
      step.note ? el("p", { class: "muted" }, step.note) : null,
      step.subject ? el("p", {}, el("strong", {}, step.subject)) : null,
      text,
      ctx.needsName ? nameForm(ctx, (signed) => {  // the server's draft again, now signed with the name
        body = signed.body || body;
        text.textContent = body;
        if (open && open.tagName === "A" && signed.mailto) open.href = signed.mailto;
      }) : null,
      el("div", { class: "steps" }, copyButton, open),
    );
    return { button: toggleFor(step.title, panel), panel };
  }

  /** Asked once, while the user has no name to sign drafts with: saved on the server (``PATCH /api/v1/me``),
   *  then the server's advice is asked again so the draft is signed the one way the server signs it. */
  function nameForm(ctx, onSaved) {
    const input = el("input", { id: "onward-name", type: "text", maxlength: "100", autocomplete: "name" });
    const form = el("form", { class: "name-form" },
      el("label", { for: "onward-name" }, t("nameAsk")), input,
      el("button", { type: "submit" }, t("nameSave")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const name = input.value.trim();
      if (!name) return input.focus();
      const answer = await Onward.send("me/name", { display_name: name });
      if (!answer.ok) return say(ctx.status, answer.message || t("failed"));
      ctx.needsName = false;
      form.remove();
      const again = await Onward.send("advice", { site: ctx.site, email: ctx.email });
      const step = again.ok && again.data.advice ? (again.data.advice.next_steps || []).find((s) => s.kind === "feedback_email") : null;
      if (step) onSaved(step);
      return say(ctx.status, t("nameSaved"));
    });
    return form;
  }

  function reflectionStep(step, ctx) {
    const wentWell = el("textarea", { id: "onward-went-well", maxlength: "5000" });
    const toChange = el("textarea", { id: "onward-to-change", maxlength: "5000" });
    const panel = el("form", { class: "panel", hidden: true, id: "onward-reflection", "aria-label": t("reflection") },
      el("label", { for: "onward-went-well" }, t("wentWell")), wentWell,
      el("label", { for: "onward-to-change" }, t("toChange")), toChange,
      el("div", { class: "steps" }, el("button", { type: "submit" }, t("saveReflection"))));
    panel.addEventListener("submit", async (event) => {
      event.preventDefault();
      const id = step.application_id || (await applicationId(ctx));
      if (!id) return say(ctx.status, t("trackFirst"));
      const answer = await Onward.send("reflection/add", {
        application_id: id, went_well: wentWell.value.trim(), to_change: toChange.value.trim(),
      });
      if (!answer.ok) return say(ctx.status, answer.message || t("reflectionFailed"));
      panel.hidden = true;
      return say(ctx.status, t("reflectionSaved"));
    });
    return { button: toggleFor(step.title, panel, () => wentWell.focus()), panel };
  }

  function followUpStep(step, ctx) {
    return { button: buttonFor(step.title, async () => {
      const answer = await Onward.send("follow-up/ics", { application_id: step.application_id, days: step.days || 7 });
      if (!answer.ok) return say(ctx.status, answer.message || t("reminderFailed"));
      downloadText(ctx.shadow, answer.data.filename, answer.data.text);
      return say(ctx.status, t("reminderDownloaded"));
    }) };
  }

  /** *Open the application*: a real link to the page, which the background turns into a one-time signed-in link. */
  function openApplicationStep(step, ctx) {
    const path = String(step.url || "/").startsWith("/") ? String(step.url) : "/";
    const a = Onward.link(ctx.serverUrl + path, step.title || t("openApplication"), { class: "button" });
    a.addEventListener("click", async (event) => {
      if (a.tagName !== "A") return;
      event.preventDefault();
      const answer = await Onward.send("signin-link", { path });
      if (!answer.ok) root.open(a.href, "_blank", "noopener");
    });
    return { button: a };
  }

  function stepParts(step, ctx) {
    switch (step.kind) {
      case "feedback_email": return feedbackStep(step, ctx);
      case "reflection": return reflectionStep(step, ctx);
      case "follow_up": return step.application_id ? followUpStep(step, ctx) : null;
      case "open_application": return openApplicationStep(step, ctx);
      case "similar_roles":
        return { extra: el("p", { class: "muted" }, step.title, ": ",
          ...(step.links || []).flatMap((l, i) => [i ? ", " : "", Onward.link(l.url, l.name)])) };
      case "network":
        return { extra: el("p", { class: "muted" }, el("strong", {}, step.title), step.text ? ` ${step.text}` : "") };
      default: return null;
    }
  }

  function closeButton(host, onDismiss, label) {
    return buttonFor("\u00d7", () => { host.remove(); onDismiss(); }, { class: "close", "aria-label": label });
  }

  function escapeCloses(card, host, onDismiss) {
    card.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { host.remove(); onDismiss(); }
    });
  }

  /** The "Please check" card: a neutral question and two one-click answers instead of strategies. A yes
   *  turns it into the rejection card with the advice the server sends back. */
  function fillCheck(host, shadow, answer, email, onDismiss) {
    const advice = answer.advice;
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const body = el("div", { class: "check" });
    let messageId = advice.message_id || (answer.message ? answer.message.id : null);
    const yes = el("button", { type: "button", class: "check-yes" }, t("checkYes"));
    const no = el("button", { type: "button", class: "check-no" }, t("checkNo"));
    const reply = async (rejection) => {
      yes.disabled = true;
      no.disabled = true;
      const res = await Onward.send("check/answer", { message_id: messageId, rejection, email });
      if (!res.ok) {
        yes.disabled = false;
        no.disabled = false;
        return say(status, res.message || t("failed"));
      }
      messageId = res.data.message ? res.data.message.id : messageId;
      if (rejection && res.data.advice && !res.data.advice.check) {
        card.remove();
        fillRejection(host, shadow, { ...answer, advice: res.data.advice, message: res.data.message,
          application: res.data.application }, email, onDismiss);
        return undefined;
      }
      body.replaceChildren(el("p", {}, rejection ? t("checkSavedYes") : t("checkSavedNo")));
      return say(status, t("checkRemembered"));
    };
    yes.addEventListener("click", () => reply(true));
    no.addEventListener("click", () => reply(false));
    const facts = [advice.company, advice.role].filter(Boolean).join(" \u00b7 ");
    body.append(
      el("p", { class: "muted" }, facts ? `${facts}. ` : "", t("checkExplain")),
      el("div", { class: "steps" }, yes, no),
    );
    const card = el("section", { class: "box card check-card", role: "region", "aria-label": t("checkLabel") },
      el("div", { class: "head" }, el("span", { class: "brand" }, "Onward"), el("h2", {}, t("checkTitle")),
        closeButton(host, onDismiss, t("dismissQuestion"))),
      body, status);
    escapeCloses(card, host, onDismiss);
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

  /** *Not a rejection?*: asks what the email was, sends the correction, then offers Undo until it expires. */
  function notRejection(step, ctx, rerender) {
    const box = el("div", { class: "correct" });
    const ask = buttonFor(t("notRejection"), () => {
      const choices = KINDS.map(([key, done, body]) => buttonFor(t(key), () => send(body, done), { class: "kind" }));
      box.replaceChildren(el("p", { class: "question", id: "onward-what-was-it" }, t("whatWasIt")),
        el("div", { class: "steps", role: "group", "aria-labelledby": "onward-what-was-it" }, ...choices,
          buttonFor(t("cancel"), () => box.replaceChildren(ask), { class: "quiet" })));
      choices[0].focus();
    }, { class: "quiet" });
    const send = async (body, done) => {
      box.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      const answer = await Onward.send("message/correct", {
        message_id: step.message_id || ctx.messageId || null, email: ctx.email, label: body.label,
        about_job: body.about_job !== false,
      });
      if (!answer.ok) {
        box.querySelectorAll("button").forEach((b) => { b.disabled = false; });
        return say(ctx.status, answer.message || t("failed"));
      }
      ctx.messageId = answer.data.message ? answer.data.message.id : ctx.messageId;
      return corrected(ctx, t(done), answer.data.correction, rerender);
    };
    box.append(ask);
    return box;
  }

  /** The card after a correction: what Onward now counts the email as, and Undo while the server allows it. */
  function corrected(ctx, text, correction, rerender) {
    const line = el("h2", {}, text);
    const undoUntil = correction && correction.undo_until ? Date.parse(correction.undo_until) : NaN;
    const left = undoUntil - Date.now();
    const actions = el("div", { class: "steps" });
    if (correction && correction.id && left > 0) {
      const undo = buttonFor(t("undo"), async () => {
        undo.disabled = true;
        const answer = await Onward.send("correction/undo", { correction_id: correction.id });
        if (answer.ok) return rerender();
        undo.disabled = false;
        return say(ctx.status, answer.status === 409 ? t("alreadyUndone") : answer.message || t("failed"));
      }, { class: "undo" });
      actions.append(undo);
      setTimeout(() => undo.remove(), Math.min(left, 2 ** 31 - 1));
    }
    ctx.card.classList.add("done");
    ctx.main.replaceChildren(el("div", { class: "head" }, el("span", { class: "brand" }, "Onward"), line, ctx.close), actions);
    say(ctx.status, t("correctedStatus"));
  }

  function fillRejection(host, shadow, answer, email, onDismiss) {
    const advice = answer.advice;
    const status = el("p", { class: "status", role: "status", "aria-live": "polite" });
    const close = closeButton(host, onDismiss, t("dismissAdvice"));
    const main = el("div", { class: "main" });
    const card = el("section", { class: "box card", role: "region", "aria-label": t("cardLabel"), lang: t("langCode") }, main, status);
    const spoken = advice.language ? { lang: advice.language } : {};  // the server's texts are in the email's language
    const ctx = {
      shadow, status, email, card, main, close, serverUrl: answer.serverUrl,
      messageId: answer.message ? answer.message.id : advice.message_id,
      applicationId: advice.application_id || (answer.application ? answer.application.id : null),
      needsName: Boolean(advice.needs_name), site: answer.site,
    };
    const rerender = () => {
      card.remove();
      fillRejection(host, shadow, { ...answer, cardOpen: card.dataset.open === "true" }, email, onDismiss);
    };

    const [best, ...others] = advice.strategies || [];
    const primary = el("div", { class: "steps primary" });
    const panels = el("div", { class: "panels" });
    const rest = el("div", { class: "steps" });
    const extras = [];
    let notRejectionStep = null;
    for (const step of advice.next_steps || []) {
      if (step.kind === "not_a_rejection") { notRejectionStep = step; continue; }
      const parts = stepParts(step, ctx);
      if (!parts) continue;
      if (parts.panel) panels.append(parts.panel);
      if (parts.extra) extras.push(parts.extra);
      if (!parts.button) continue;
      // a long title in another language may be shortened on one line in the closed card: the whole of it on hover
      parts.button.setAttribute("title", parts.button.textContent);
      (ACTIONS.has(step.kind) && primary.children.length < 2 ? primary : rest).append(parts.button);
    }

    const moreId = "onward-more";
    const more = el("div", { class: "more-body", id: moreId },
      best && best.nudge ? el("p", { class: "nudge", ...spoken }, best.nudge) : null,
      others.length ? el("ul", { class: "strategies", ...spoken }, ...others.map((s) => el("li", { class: "strategy", "data-id": s.id },
        el("strong", {}, s.title), s.reason ? el("span", { class: "reason" }, ` \u2014 ${s.reason}`) : null))) : null,
      rest.children.length ? rest : null, ...extras,
      notRejectionStep ? notRejection(notRejectionStep, ctx, rerender) : null,
      advice.reason ? el("p", { class: "muted why" }, advice.reason) : null);
    const toggle = buttonFor("", () => setOpen(card.dataset.open !== "true", true),
      { class: "more quiet", "aria-controls": moreId });
    const setOpen = (open, remember) => {
      card.dataset.open = String(open);
      more.hidden = !open;
      toggle.replaceChildren(open ? t("less") : t("more"), el("span", { class: "chevron", "aria-hidden": "true" }, open ? " \u25b4" : " \u25be"));
      toggle.setAttribute("aria-expanded", String(open));
      if (remember) Onward.send("card/open", { open });
    };

    main.append(
      el("div", { class: "head" }, el("span", { class: "brand" }, "Onward"),
        el("h2", { class: "summary", ...(advice.summary ? spoken : {}) }, advice.summary || t("fallbackSummary")), toggle, close),
      best ? el("p", { class: "best strategy", "data-id": best.id, ...spoken }, el("strong", {}, best.title),
        best.reason ? el("span", { class: "reason" }, ` \u2014 ${best.reason}`) : null) : null,
      primary.children.length ? primary : null, panels, more,
    );
    setOpen(Boolean(answer.cardOpen), false);
    escapeCloses(card, host, onDismiss);
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
      el("span", { class: "what" }, t(LABEL_KEYS[c.label] || "noteJobEmail"), what ? `: ${what}` : ""),
      app ? el("span", { class: "muted" }, t("noteStatus", Onward.statusWord(app.status))) : null);
    if (!app && !answer.message) {
      const track = buttonFor(t("trackApplication"), async () => {
        const tracked = await Onward.send("message/track", { email });
        if (!tracked.ok) return say(status, tracked.message || t("trackFailed"));
        track.remove();
        return say(status, tracked.data.application
          ? t("trackedWithStatus", Onward.statusWord(tracked.data.application.status)) : t("tracked"));
      });
      note.append(track);
    }
    note.append(status, closeButton(host, onDismiss, t("dismissNote")));
    shadow.append(note);
    return host;
  };
})(globalThis);
