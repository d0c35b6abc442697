/*
 * Indeed (any country's site, e.g. www.indeed.com, de.indeed.com): the job header's company
 * name and title, on a job page (/viewjob) or beside the search results.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  Onward.register({
    id: "indeed",
    kind: "jobboard",
    matches: (doc, loc) => /(^|\.)indeed\.com$/.test(loc.hostname),
    extract(doc) {
      const company = Onward.textOf(doc, '[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]',
        ".jobsearch-CompanyInfoContainer a");
      const role = Onward.textOf(doc, '[data-testid="jobsearch-JobInfoHeader-title"]', "h1.jobsearch-JobInfoHeader-title")
        .replace(/\s*-\s*job post$/i, "");
      return company ? { company, role, domain: "" } : null;
    },
    /** Below the header (title, employer, location, pay), above Apply now. */
    anchor: (doc) => Onward.firstOf(doc, ".jobsearch-InfoHeaderContainer", '[data-testid="jobsearch-CompanyInfoContainer"]',
      ".jobsearch-JobInfoHeader-title-container", "h1.jobsearch-JobInfoHeader-title"),
  });
})(globalThis);
