/*
 * LinkedIn jobs (www.linkedin.com/jobs/...): the job shown in the top card, on its own page
 * (/jobs/view/ID) or beside the search results (?currentJobId=ID); also the public page layout.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  Onward.register({
    id: "linkedin",
    kind: "jobboard",
    matches: (doc, loc) => /(^|\.)linkedin\.com$/.test(loc.hostname) && loc.pathname.startsWith("/jobs"),
    extract(doc) {
      const company = Onward.textOf(doc, ".job-details-jobs-unified-top-card__company-name a",
        ".job-details-jobs-unified-top-card__company-name", ".jobs-unified-top-card__company-name", ".topcard__org-name-link");
      const role = Onward.textOf(doc, ".job-details-jobs-unified-top-card__job-title h1",
        ".job-details-jobs-unified-top-card__job-title", ".jobs-unified-top-card__job-title", "h1.top-card-layout__title",
        "h1.topcard__title");
      return company ? { company, role, domain: "" } : null;
    },
    /** Below the line under the title (location, age, applicants), above the preferences and Easy Apply. */
    anchor: (doc) => Onward.firstOf(doc, ".job-details-jobs-unified-top-card__primary-description-container",
      ".job-details-jobs-unified-top-card__job-title", ".jobs-unified-top-card__job-title", ".top-card-layout__entity-info",
      "h1.top-card-layout__title", "h1.topcard__title"),
  });
})(globalThis);
