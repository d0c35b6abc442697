/*
 * Lever (jobs.lever.co/<company>/<posting id>): the posting headline's title; the employer from
 * the header logo's alt text, the page title ("Acme - Data Analyst") or the slug.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  Onward.register({
    id: "lever",
    kind: "jobboard",
    matches: (doc, loc) => /^jobs(\.eu)?\.lever\.co$/.test(loc.hostname) && loc.pathname.split("/").filter(Boolean).length >= 2,
    extract(doc, loc) {
      const role = Onward.textOf(doc, ".posting-headline h2", ".posting-headline h1");
      if (!role) return null;
      const logo = doc.querySelector(".main-header-logo img[alt]");
      const fromLogo = logo ? logo.getAttribute("alt").replace(/\s*logo$/i, "").trim() : "";
      const fromTitle = doc.title.includes(" - ") ? doc.title.split(" - ")[0].trim() : "";
      const company = fromLogo || fromTitle || Onward.fromSlug(loc.pathname.split("/")[1]);
      return { company, role, domain: "" };
    },
    /** Inside the headline, below the categories: the "Apply for this job" button has its own column. */
    anchor: (doc) => Onward.firstOf(doc, ".posting-headline .posting-categories", ".posting-headline h2", ".posting-headline h1"),
  });
})(globalThis);
