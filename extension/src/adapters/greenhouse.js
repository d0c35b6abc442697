/*
 * Greenhouse job boards: boards.greenhouse.io/<company>/jobs/<id> (classic layout: h1.app-title
 * and span.company-name "at Acme") and job-boards.greenhouse.io (.job__title h1). Without a
 * company name on the page, the board's slug names the employer.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  Onward.register({
    id: "greenhouse",
    kind: "jobboard",
    matches: (doc, loc) => /^(boards|job-boards)(\.eu)?\.greenhouse\.io$/.test(loc.hostname) && /\/jobs\/\d+/.test(loc.pathname),
    extract(doc, loc) {
      const role = Onward.textOf(doc, "h1.app-title", ".job__title h1", "h1");
      if (!role) return null;
      const named = Onward.textOf(doc, ".company-name").replace(/^at\s+/i, "");
      const company = named || Onward.meta(doc, "og:site_name") || Onward.fromSlug(loc.pathname.split("/")[1]);
      return { company, role, domain: "" };
    },
    /** Below the location under the title (the classic header's Apply Now floats beside it), else below the title. */
    anchor: (doc) => Onward.firstOf(doc, "#header .location", ".job__location", ".job__title", "h1.app-title", "h1"),
  });
})(globalThis);
