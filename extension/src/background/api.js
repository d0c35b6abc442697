/*
 * Calls to the Onward server, made only by the background. Each answer is {ok, data} or
 * {ok: false, error, message} with error one of not_paired, unreachable, unauthorized, http.
 */
(function (root) {
  "use strict";
  const Onward = (root.Onward = root.Onward || {});

  const TIMEOUT_MS = 10000;

  Onward.fail = (error, message) => ({ ok: false, error, message });

  /** One request to the server in `settings`; `body` is sent as JSON, `as` is "json" or "text". */
  Onward.request = async function (settings, method, path, { body, auth = true, as = "json" } = {}) {
    if (auth && !settings.token) return Onward.fail("not_paired", Onward.t("errNotPaired"));
    const headers = { Accept: as === "json" ? "application/json" : "text/calendar" };
    if (auth) headers.Authorization = `Bearer ${settings.token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(settings.serverUrl + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "omit", cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      return Onward.fail("unreachable", Onward.t("errUnreachable", settings.serverUrl));
    }
    if (response.status === 401) return Onward.fail("unauthorized", Onward.t("errUnauthorized"));
    if (!response.ok) {
      let message = Onward.t("errStatus", response.status);
      try {
        const data = await response.json();
        if (data && typeof data.message === "string") message = data.message;
      } catch {
        /* not JSON: keep the status line */
      }
      return { ...Onward.fail("http", message), status: response.status };
    }
    if (response.status === 204) return { ok: true, data: null };
    try {
      return { ok: true, data: as === "json" ? await response.json() : await response.text() };
    } catch {
      return Onward.fail("http", Onward.t("errUnreadable"));
    }
  };
})(globalThis);
