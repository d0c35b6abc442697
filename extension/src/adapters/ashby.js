/*
 * Ashby (jobs.ashbyhq.com/<company>/<posting id>): the posting heading's title; the employer
 * from the page title ("Data Analyst @ Acme") or the slug.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  Onward.register({
    id: "ashby",
    kind: "jobboard",
    matches: (doc, loc) => loc.hostname === "jobs.ashbyhq.com" && loc.pathname.split("/").filter(Boolean).length >= 2,
    extract(doc, loc) {
      const role = Onward.textOf(doc, ".ashby-job-posting-heading", "h1");
      if (!role) return null;
      const title = doc.title || Onward.meta(doc, "og:title");
      const company = (title.includes(" @ ") ? title.split(" @ ").pop().trim() : "") || Onward.fromSlug(loc.pathname.split("/")[1]);
      return { company, role, domain: "" };
    },
    /** Below the title in the left pane, above location and pay. */
    anchor: (doc) => Onward.firstOf(doc, ".ashby-job-posting-heading", "h1"),
  });
})(globalThis);
