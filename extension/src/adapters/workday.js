/*
 * Workday career sites (<tenant>.wd<N>.myworkdayjobs.com/...): the posting header's title; the
 * employer from the site name, else the tenant in the host name.
 */
(function (root) {
  "use strict";
  const Onward = root.Onward;

  Onward.register({
    id: "workday",
    kind: "jobboard",
    matches: (doc, loc) => /\.myworkdayjobs\.com$/.test(loc.hostname),
    extract(doc, loc) {
      const role = Onward.textOf(doc, '[data-automation-id="jobPostingHeader"]');
      if (!role) return null;
      const company = Onward.meta(doc, "og:site_name") || Onward.fromSlug(loc.hostname.split(".")[0]);
      return { company, role, domain: "" };
    },
    /** Right below the title, above the Apply button. */
    anchor: (doc) => Onward.firstOf(doc, '[data-automation-id="jobPostingHeader"]'),
  });
})(globalThis);
