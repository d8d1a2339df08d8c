// The operator dashboard: polls the service's read routes and redraws the tables, without a reload.
// Reads go to /dashboard/api/events..., the same handlers as the operator's /api/events reads but outside the per-IP
// rate limit (see DashboardEndpoints.cs). The selected event lives in the address (#event=12) so a reload keeps it.
"use strict";

(() => {
  const api = "/dashboard/api/events";
  const eventsShown = 100;
  const bookingsShown = 200;
  const historyShown = 50;
  const query = new URLSearchParams(location.search);
  // ?refresh=N (seconds, 1 to 300) for a faster or slower poll; 5 s by default.
  const refreshSeconds = Math.min(300, Math.max(1, Number.parseInt(query.get("refresh"), 10) || 5));

  const byId = (id) => document.getElementById(id);
  let selected = null; // { id, etag } of the event whose details are shown
  let timer = null;
  let running = false;
  let again = false;

  async function getJson(url, etag) {
    const headers = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    // The author's own If-None-Match makes the browser hand a 304 through instead of answering from its cache.
    const response = await fetch(url, { headers, cache: "no-store", credentials: "same-origin" });
    if (response.status === 304) return { notModified: true, etag };
    if (!response.ok) throw new Error(`${url}: ${await problemText(response)}`);
    return { body: await response.json(), etag: response.headers.get("ETag") };
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      return `${response.status} ${problem.title ?? ""}${problem.detail ? `: ${problem.detail}` : ""}`;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  function cell(text, options = {}) {
    const td = document.createElement("td");
    td.textContent = text ?? "";
    if (options.number) td.className = "number";
    if (options.className) td.classList.add(options.className);
    if (options.field) td.dataset.field = options.field;
    return td;
  }

  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
  }

  function renderEvents(page) {
    const rows = page.events.map((e) => {
      const tr = document.createElement("tr");
      tr.dataset.eventId = String(e.eventId);
      if (selected && selected.id === e.eventId) tr.setAttribute("aria-current", "true");
      const name = document.createElement("td");
      name.dataset.field = "name";
      const link = document.createElement("a");
      link.href = `#event=${e.eventId}`;
      link.textContent = e.eventName;
      name.append(link);
      tr.append(
        cell(e.eventId, { field: "id" }),
        name,
        cell(e.totalTickets, { number: true, field: "total" }),
        cell(e.totalTickets - e.availableTickets, { number: true, field: "booked" }),
        cell(e.availableTickets, { number: true, field: "available", className: e.availableTickets === 0 ? "sold-out" : null }),
        cell(e.waitingListCount, { number: true, field: "waiting" }),
        cell(e.salesOpen ? "open" : "closed", { field: "sales", className: e.salesOpen ? null : "closed" }));
      return tr;
    });
    fill(byId("events").tBodies[0], rows);
    byId("events-empty").hidden = rows.length > 0;
    const more = byId("events-more");
    more.hidden = page.next === null;
    more.textContent = `Showing the newest ${eventsShown}; older events exist (open one with #event=ID in the address).`;
  }

  function renderSummary(status) {
    byId("detail-heading").textContent = `${status.eventName} (event ${status.eventId})`;
    const booked = status.totalTickets - status.availableTickets;
    byId("detail-summary").textContent =
      `${status.totalTickets} tickets: ${booked} booked, ${status.availableTickets} available, ` +
      `${status.waitingListCount} waiting; sales ${status.salesOpen ? "open" : "closed"}.`;
  }

  function renderBookings(page, status) {
    const rows = page.bookings.map((b, i) => {
      const tr = document.createElement("tr");
      tr.dataset.userId = String(b.userId);
      tr.append(
        cell(i + 1, { number: true }),
        cell(b.userId, { field: "user" }),
        cell(b.status, { field: "status", className: `status-${b.status}` }),
        cell(b.version, { number: true }));
      return tr;
    });
    fill(byId("bookings").tBodies[0], rows);
    const more = byId("bookings-more");
    const all = status.totalTickets - status.availableTickets + status.waitingListCount;
    more.hidden = page.next === null;
    more.textContent = `Showing the first ${page.bookings.length} of ${all}.`;
  }

  function details(entry) {
    const parts = [];
    if (entry.data?.eventName) parts.push(`name "${entry.data.eventName}"`);
    if (entry.data?.totalTickets != null) parts.push(`${entry.data.totalTickets} tickets`);
    return parts.join(", ");
  }

  function renderHistory(page) {
    const rows = [...page.events].reverse().map((entry) => {
      const tr = document.createElement("tr");
      tr.dataset.version = String(entry.version);
      tr.append(
        cell(entry.version, { number: true }),
        cell(entry.recordedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, ""), { className: "nowrap" }),
        cell(entry.type, { field: "type", className: "nowrap" }),
        cell(entry.userId, {}),
        cell(details(entry), {}),
        cell(entry.correlationId, { className: "id" }));
      return tr;
    });
    fill(byId("history").tBodies[0], rows);
  }

  // The status ETag is the stream's version: unchanged means bookings and history are too, so they are not re-read.
  async function refreshDetail() {
    if (!selected) return;
    const id = selected.id;
    const status = await getJson(`${api}/status/${id}`, selected.etag);
    if (status.notModified || !selected || selected.id !== id) return;
    const version = Number.parseInt((status.etag ?? "").replaceAll('"', ""), 10) || 1;
    const from = Math.max(1, version - historyShown + 1);
    const [bookings, history] = await Promise.all([
      getJson(`${api}/${id}/bookings?limit=${bookingsShown}`),
      getJson(`${api}/${id}/history?fromVersion=${from}&limit=${historyShown}`),
    ]);
    if (!selected || selected.id !== id) return;
    renderSummary(status.body);
    renderBookings(bookings.body, status.body);
    renderHistory(history.body);
    byId("detail").hidden = false;
    selected.etag = status.etag;
  }

  // One round at a time: a round asked for while one runs (a new selection, the tab shown again) follows it at once,
  // so the poll never doubles up.
  async function refresh() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      if (!document.hidden) await poll();
    } finally {
      running = false;
      if (again) {
        again = false;
        refresh();
      } else {
        timer = setTimeout(refresh, refreshSeconds * 1000);
      }
    }
  }

  async function poll() {
    try {
      renderEvents((await getJson(`${api}?limit=${eventsShown}`)).body);
      await refreshDetail();
      byId("error").hidden = true;
      byId("refreshed").textContent =
        `Updated ${new Date().toLocaleTimeString([], { hour12: false })}; refreshes every ${refreshSeconds} s.`;
    } catch (error) {
      const message = byId("error");
      message.textContent = `Could not refresh (${error.message}); trying again in ${refreshSeconds} s.`;
      message.hidden = false;
    }
  }

  function selectFromAddress() {
    const match = /^#event=(\d+)$/.exec(location.hash);
    const id = match ? Number(match[1]) : null;
    selected = id ? { id, etag: null } : null;
    byId("detail").hidden = true;
    for (const row of byId("events").tBodies[0].rows) {
      if (Number(row.dataset.eventId) === id) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
  }

  window.addEventListener("hashchange", () => {
    selectFromAddress();
    refresh();
  });
  // A hidden tab is not polled; it catches up as soon as it is shown again.
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) refresh();
  });
  selectFromAddress();
  refresh();
})();
