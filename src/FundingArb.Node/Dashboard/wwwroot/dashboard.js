// FundingArb node dashboard: first paint from GET /api/v1/dashboard, then one snapshot a second
// from the server-sent events of GET /api/v1/stream. Each section re-renders only when its part of the
// snapshot changed; settlement countdowns tick in the browser between snapshots, on the market clock
// (snapshot `at` plus real time elapsed since it arrived, times `speed`).
"use strict";

(() => {
  const STREAM_URL = "/api/v1/stream";
  const SNAPSHOT_URL = "/api/v1/dashboard";
  const STALE_AFTER_MS = 5000;          // no snapshot for this long while connected: "stale"
  const EXTRAPOLATE_MAX_MS = 5000;      // countdowns stop moving this long after the last snapshot
  const SOON_MS = 10 * 60 * 1000;       // a settlement this close (market time) is highlighted
  const DELTA_FLOOR_QUOTE = 10;         // net delta below this notional is flat whatever the size
  const MAX_OPPORTUNITIES = 12;         // rows shown; the rest are counted
  const MAX_CLOSED_PAIRS = 30;          // closed pairs shown after every active one

  const state = {
    snapshot: null,
    receivedAt: 0,
    count: 0,
    rendered: new Map(),
    source: null,
    retryMs: 1000,
    quote: "USDT",
    chart: null,
    hover: null,
  };

  const $ = (id) => document.getElementById(id);

  // ---------- formatting ----------

  const esc = (value) => String(value ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  const isNum = (x) => typeof x === "number" && Number.isFinite(x);
  const DASH = "<span class=\"dim\">&ndash;</span>";

  function fixed(x, digits) {
    return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function signed(x, digits) {
    const text = fixed(Math.abs(x), digits);
    if (x > 0 && Number(text.replace(/,/g, "")) !== 0) return "+" + text;
    if (x < 0 && Number(text.replace(/,/g, "")) !== 0) return "\u2212" + text;
    return text;
  }

  const tone = (x) => (!isNum(x) || Math.abs(x) < 1e-12 ? "" : x > 0 ? "pos" : "neg");
  const unit = (text) => `<span class="unit">${esc(text)}</span>`;

  // Amounts in the quote asset; tables name the unit once in the column head (bare) instead of in every cell.
  function money(x, { sign = false, colour = false, digits = 2, bare = false } = {}) {
    if (!isNum(x)) return DASH;
    const text = sign ? signed(x, digits) : fixed(x, digits);
    const cls = colour ? tone(x) : "";
    return `<span class="${cls}">${text}</span>${bare ? "" : unit(state.quote)}`;
  }

  const quoteHead = (label) => `${label}${unit(state.quote)}`;

  function percent(x, digits, suffix = "%", colour = false) {
    if (!isNum(x)) return DASH;
    const cls = colour ? tone(x) : "";
    return `<span class="${cls}">${signed(x * 100, digits)}</span>${unit(suffix)}`;
  }

  function price(x) {
    if (!isNum(x)) return DASH;
    const abs = Math.abs(x);
    const digits = abs >= 1000 ? 2 : abs >= 1 ? 4 : 6;
    return fixed(x, digits);
  }

  function quantity(x, sign = false) {
    if (!isNum(x)) return DASH;
    const abs = Math.abs(x);
    const digits = abs >= 1000 ? 2 : abs >= 1 ? 4 : 6;
    const text = abs.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: digits });
    if (x < 0) return "\u2212" + text;
    return sign && x > 0 ? "+" + text : text;
  }

  function millis(ms) {
    if (!isNum(ms)) return DASH;
    return ms >= 1000 ? fixed(ms / 1000, 2) + unit("s") : fixed(ms, 0) + unit("ms");
  }

  const pad2 = (n) => String(n).padStart(2, "0");

  function duration(ms) {
    if (!isNum(ms)) return "\u2013";
    const negative = ms < 0;
    let s = Math.floor(Math.abs(ms) / 1000);
    const days = Math.floor(s / 86400);
    s -= days * 86400;
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const text = `${days > 0 ? days + "d " : ""}${h}:${pad2(m)}:${pad2(s % 60)}`;
    return negative ? "\u2212" + text : text;
  }

  // .NET writes up to seven fractional digits ("12:00:00.1234567+00:00"); keep milliseconds only.
  function parseTime(iso) {
    if (!iso) return NaN;
    return Date.parse(String(iso).replace(/(\.\d{3})\d+/, "$1"));
  }

  function clockText(ms) {
    if (!isNum(ms)) return "--:--:--";
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
      `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
  }

  function timeOfDay(ms) {
    if (!isNum(ms)) return "\u2013";
    const d = new Date(ms);
    return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  }

  function shortDateTime(ms) {
    if (!isNum(ms)) return "\u2013";
    const d = new Date(ms);
    return `${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  }

  const title = (text) => String(text ?? "").toLowerCase().replace(/_/g, " ");

  function badge(text, colour, extra = "") {
    return `<span class="badge ${colour} ${extra}">${esc(text)}</span>`;
  }

  // ---------- market clock ----------

  function marketNow() {
    const snap = state.snapshot;
    if (!snap) return NaN;
    const at = parseTime(snap.at);
    const speed = isNum(snap.speed) && snap.speed >= 0 ? snap.speed : 1;   // 0: paused
    const elapsed = Math.min(performance.now() - state.receivedAt, EXTRAPOLATE_MAX_MS);
    return at + Math.max(0, elapsed) * speed;
  }

  // ---------- state colours ----------

  const PHASE_COLOURS = { open: "green", opening: "amber", closing: "amber", closed: "grey" };
  // A halted executor trades no more: its legs are the user's to unwind (the API's halt.kind).
  const HALT_TITLES = { stranded: "stranded", rule_broken: "rule broken", recovery_failed: "failed" };
  const CLOSE_COLOURS = {
    TAKE_PROFIT: "green", STOP_LOSS: "red", TIME_LIMIT: "grey", EARLY_STOP: "amber",
    FAILED: "red", ROLLED_BACK: "red", FUNDING_FLIP: "amber", EDGE_GONE: "amber",
  };
  const EVENT_COLOURS = {
    opening: "amber", entered: "green", rolled_back: "red", closing: "amber", closed: "grey", stopped: "grey",
  };

  const closeColour = (type) => CLOSE_COLOURS[String(type).toUpperCase()] ?? "grey";
  const isActive = (pair) => ["opening", "open", "closing"].includes(String(pair.phase).toLowerCase());

  // ---------- sections ----------

  function renderHeader(snap) {
    $("node-name").textContent = snap.node ?? "node";
    document.title = `${snap.node ?? "FundingArb"} \u00b7 dashboard`;
    const clock = $("clock");
    clock.textContent = clockText(parseTime(snap.at));
    clock.dataset.at = snap.at ?? "";
    $("speed").textContent = !isNum(snap.speed) ? "\u2013" : snap.speed === 0 ? "paused" : `${fixed(snap.speed, snap.speed % 1 === 0 ? 0 : 1)}\u00d7`;
  }

  function renderTotals(snap) {
    const t = snap.totals ?? {};
    const best = (snap.opportunities ?? []).reduce((m, o) =>
      (isNum(o.net_edge_per_day) && (!m || o.net_edge_per_day > m.net_edge_per_day) ? o : m), null);
    const kpi = (label, value, sub = "", id = "") =>
      `<div class="kpi"${id ? ` data-kpi="${id}"` : ""}><div class="label">${label}</div><div class="value">${value}</div>${sub ? `<div class="sub">${sub}</div>` : ""}</div>`;
    $("totals").innerHTML = [
      kpi("Net PnL", money(t.net_pnl_quote, { sign: true, colour: true }), "funding + trading \u2212 fees", "net-pnl"),
      kpi("Funding collected", money(t.funding_quote, { sign: true, colour: true }), "", "funding"),
      kpi("Fees paid", money(t.fees_quote), "", "fees"),
      kpi("Pairs open", `${isNum(t.pairs_open) ? t.pairs_open : "\u2013"}<span class="unit">of ${isNum(t.pairs_total) ? t.pairs_total : "\u2013"}</span>`, "", "pairs"),
      kpi("Best net edge", best ? percent(best.net_edge_per_day, 3, "%/day", true) : DASH,
        best ? `${esc(best.asset)} ${esc(best.long_venue)} \u2192 ${esc(best.short_venue)}` +
          (isNum(best.annualized) ? ` \u00b7 ${fixed(best.annualized * 100, 1)} % / yr` : "") : "no opportunity", "edge"),
    ].join("");
  }

  function renderVenues(snap) {
    const venues = snap.venues ?? [];
    if (venues.length === 0) {
      $("venues").innerHTML = `<div class="card empty">No venues reported yet</div>`;
      return;
    }
    const maxRate = Math.max(1e-9, ...venues.flatMap((v) => (v.markets ?? []).map((m) => Math.abs(m.funding_rate_per_day ?? 0))));
    $("venues").innerHTML = venues.map((v) => {
      const rows = (v.markets ?? []).map((m) => {
        const perDay = m.funding_rate_per_day;
        const width = isNum(perDay) ? Math.min(50, (Math.abs(perDay) / maxRate) * 50) : 0;
        const bar = isNum(perDay) && perDay !== 0
          ? `<span class="rate-bar"><span class="${perDay > 0 ? "pos" : "neg"}" style="width:${width}%;${perDay < 0 ? `left:${50 - width}%` : ""}"></span></span>`
          : `<span class="rate-bar"></span>`;
        return `<tr data-symbol="${esc(m.symbol)}">
          <td><strong>${esc(m.symbol)}</strong><span class="sub">${esc(m.asset)}/${esc(m.quote)}</span></td>
          <td class="num">${price(m.mid)}</td>
          <td class="num">${percent(perDay, 4, "%/day", true)}${bar}
            <span class="sub">${percent(m.funding_rate, 4)} per ${isNum(m.interval_hours) ? m.interval_hours : "?"}h</span></td>
          <td class="num"><span class="countdown" data-next-funding="${esc(m.next_funding_at ?? "")}">\u2013</span>
            <span class="sub">at ${timeOfDay(parseTime(m.next_funding_at))}</span></td>
        </tr>`;
      }).join("");
      const status = v.connected
        ? `<span class="dot green"></span><span class="card-note">connected</span>`
        : `<span class="dot red"></span><span class="card-note neg">disconnected</span>`;
      return `<article class="card venue${v.connected ? "" : " disconnected"}" data-venue="${esc(v.venue)}" data-connected="${v.connected ? "true" : "false"}">
        <header class="card-head"><h3>${esc(v.venue)}</h3><span>${v.mode === "paper" ? `<span class="card-note" data-mode="paper">paper</span> ` : ""}${status}</span></header>
        <div class="table-wrap"><table>
          <thead><tr><th>Market</th><th class="num">Mid</th><th class="num">Funding / day</th><th class="num">Settles in</th></tr></thead>
          <tbody>${rows || `<tr><td colspan="4" class="empty">No markets</td></tr>`}</tbody>
        </table></div>
      </article>`;
    }).join("");
    tickCountdowns();
  }

  function renderOpportunities(snap) {
    const list = [...(snap.opportunities ?? [])].sort((a, b) => (b.net_edge_per_day ?? -Infinity) - (a.net_edge_per_day ?? -Infinity));
    if (list.length === 0) {
      $("opportunities").innerHTML = `<div class="empty">No opportunity above the entry threshold</div>`;
      return;
    }
    const held = new Set((snap.pairs ?? []).filter(isActive).map((p) => `${p.asset}|${p.long_venue}|${p.short_venue}`));
    const hidden = Math.max(0, list.length - MAX_OPPORTUNITIES);
    const rows = list.slice(0, MAX_OPPORTUNITIES).map((o) => {
      const isHeld = held.has(`${o.asset}|${o.long_venue}|${o.short_venue}`);
      return `<tr data-asset="${esc(o.asset)}">
        <td><strong>${esc(o.asset)}</strong>${isHeld ? " " + badge("held", "blue") : ""}</td>
        <td><span class="pos">long</span> ${esc(o.long_venue)}</td>
        <td><span class="neg">short</span> ${esc(o.short_venue)}</td>
        <td class="num">${percent(o.gross_edge_per_day, 4, "%/day")}</td>
        <td class="num"><strong>${percent(o.net_edge_per_day, 4, "%/day", true)}</strong></td>
        <td class="num">${percent(o.annualized, 1, "% / yr", true)}</td>
      </tr>`;
    }).join("");
    $("opportunities").innerHTML = `<table>
      <thead><tr><th>Asset</th><th>Long</th><th>Short</th><th class="num">Gross edge</th><th class="num">Net edge</th><th class="num">Annualized</th></tr></thead>
      <tbody>${rows}</tbody></table>${hidden ? `<div class="more">and ${hidden} smaller</div>` : ""}`;
  }

  function pairOrder(a, b) {
    const active = Number(isActive(b)) - Number(isActive(a));
    if (active !== 0) return active;
    const at = (p) => parseTime(p.closed_at) || parseTime(p.opened_at) || 0;
    return at(b) - at(a);
  }

  function renderPairs(snap) {
    const all = [...(snap.pairs ?? [])].sort(pairOrder);
    const open = all.filter(isActive).length;
    const pairs = all.slice(0, open + MAX_CLOSED_PAIRS);
    $("pairs-note").textContent = all.length ? `${open} active \u00b7 ${all.length - open} closed` +
      (all.length > pairs.length ? ` (latest ${MAX_CLOSED_PAIRS} shown)` : "") : "";
    if (pairs.length === 0) {
      $("pairs").innerHTML = `<div class="empty">No pair opened yet</div>`;
      return;
    }
    const now = marketNow();
    const rows = pairs.map((p) => {
      const phase = String(p.phase ?? "");
      const opened = parseTime(p.opened_at);
      const closed = parseTime(p.closed_at);
      const held = isNum(opened) ? duration((isNum(closed) ? closed : now) - opened) : "\u2013";
      const halt = p.halt ? `${badge(HALT_TITLES[p.halt.kind] ?? title(p.halt.kind), "red")}<span class="sub reason" title="${esc(p.halt.reason)}">${esc(p.halt.reason)}</span>` : "";
      const close = halt || (p.close_type
        ? `${badge(p.close_type, closeColour(p.close_type))}${p.close_reason ? `<span class="sub reason" title="${esc(p.close_reason)}">${esc(p.close_reason)}</span>` : ""}`
        : p.close_reason ? `<span class="reason" title="${esc(p.close_reason)}">${esc(p.close_reason)}</span>` : DASH);
      return `<tr data-pair-id="${esc(p.id)}" data-phase="${esc(phase)}" data-halt="${esc(p.halt?.kind ?? "")}" class="${isActive(p) ? "" : "closed"}${p.halt ? " halted" : ""}">
        <td><strong>${esc(p.asset)}</strong><span class="sub pair-id">${esc(p.id)}</span></td>
        <td>${p.halt ? badge("halted", "red") : badge(phase || "?", PHASE_COLOURS[phase.toLowerCase()] ?? "grey")}<span class="sub">${esc(p.halt ? phase : title(p.status))}</span></td>
        <td><div class="legs">
          <div class="leg"><span class="side long">LONG</span>${esc(p.long_venue)} <span class="dim">${esc(p.long_symbol)}</span> <span class="num">${quantity(p.long_quantity, true)}</span></div>
          <div class="leg"><span class="side short">SHORT</span>${esc(p.short_venue)} <span class="dim">${esc(p.short_symbol)}</span> <span class="num">${quantity(p.short_quantity, true)}</span></div>
        </div></td>
        <td class="num">${money(p.size_quote, { digits: 0, bare: true })}</td>
        <td class="num">${isNum(p.orders) ? p.orders : DASH}</td>
        <td class="num">${money(p.funding_quote, { sign: true, colour: true, bare: true })}</td>
        <td class="num">${money(p.fees_quote, { bare: true })}</td>
        <td class="num">${money(p.trade_pnl_quote, { sign: true, colour: true, bare: true })}</td>
        <td class="num"><strong>${money(p.net_pnl_quote, { sign: true, colour: true, bare: true })}</strong></td>
        <td class="num">${held}<span class="sub">${isNum(opened) ? "from " + shortDateTime(opened) : "not entered"}</span></td>
        <td class="wrap">${close}</td>
      </tr>`;
    }).join("");
    $("pairs").innerHTML = `<table>
      <thead><tr><th>Pair</th><th>State</th><th>Legs (base qty)</th><th class="num">${quoteHead("Size")}</th><th class="num">Orders</th>
        <th class="num">${quoteHead("Funding")}</th><th class="num">${quoteHead("Fees")}</th><th class="num">${quoteHead("Trade PnL")}</th>
        <th class="num">${quoteHead("Net PnL")}</th>
        <th class="num">Held</th><th>Close</th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  }

  function renderPositions(snap) {
    const list = [...(snap.positions ?? [])].sort((a, b) =>
      String(a.venue).localeCompare(String(b.venue)) || String(a.symbol).localeCompare(String(b.symbol)));
    if (list.length === 0) {
      $("positions").innerHTML = `<div class="empty">Flat on every venue</div>`;
      return;
    }
    let previous = null;
    const rows = list.map((p) => {
      const first = p.venue !== previous;
      previous = p.venue;
      const side = isNum(p.size) && p.size !== 0 ? (p.size > 0 ? badge("long", "green") : badge("short", "red")) : badge("flat", "grey");
      return `<tr data-venue="${esc(p.venue)}" data-symbol="${esc(p.symbol)}">
        <td>${first ? `<strong>${esc(p.venue)}</strong>` : ""}</td>
        <td>${esc(p.symbol)}<span class="sub">${side}</span></td>
        <td class="num">${quantity(p.size, true)}${unit(p.asset ?? "")}</td>
        <td class="num">${money(p.notional_quote, { sign: true, bare: true })}</td>
        <td class="num">${money(p.unrealized_pnl_quote, { sign: true, colour: true, bare: true })}</td>
        <td class="num">${money(p.funding_quote, { sign: true, colour: true, bare: true })}</td>
      </tr>`;
    }).join("");
    $("positions").innerHTML = `<table>
      <thead><tr><th>Venue</th><th>Market</th><th class="num">Size</th><th class="num">${quoteHead("Notional")}</th>
        <th class="num">${quoteHead("Unrealized")}</th><th class="num">${quoteHead("Funding")}</th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  }

  function renderNetDelta(snap) {
    const list = [...(snap.net_delta ?? [])].sort((a, b) => String(a.asset).localeCompare(String(b.asset)));
    if (list.length === 0) {
      $("net-delta").innerHTML = `<div class="empty">No exposure</div>`;
      return;
    }
    const gross = new Map();
    for (const p of snap.positions ?? []) {
      if (isNum(p.notional_quote)) gross.set(p.asset, (gross.get(p.asset) ?? 0) + Math.abs(p.notional_quote));
    }
    const rows = list.map((d) => {
      const grossQuote = gross.get(d.asset) ?? 0;
      const tolerance = Math.max(DELTA_FLOOR_QUOTE, 0.005 * grossQuote);
      const off = isNum(d.notional_quote) && Math.abs(d.notional_quote) > tolerance;
      const ratio = grossQuote > 0 && isNum(d.notional_quote) ? Math.abs(d.notional_quote) / (grossQuote / 2) : 0;
      return `<tr data-asset="${esc(d.asset)}" data-imbalanced="${off ? "true" : "false"}" class="${off ? "imbalanced" : ""}">
        <td><strong>${esc(d.asset)}</strong></td>
        <td class="num">${quantity(d.size, true)}${unit(d.asset ?? "")}</td>
        <td class="num">${money(d.notional_quote, { sign: true, bare: true })}</td>
        <td class="num">${grossQuote > 0 ? fixed(ratio * 100, 2) + unit("% of leg") : DASH}</td>
        <td>${off ? badge("imbalanced", "red") : badge("flat", "green")}</td>
      </tr>`;
    }).join("");
    $("net-delta").innerHTML = `<table>
      <thead><tr><th>Asset</th><th class="num">Net size</th><th class="num">${quoteHead("Net notional")}</th><th class="num">Residual</th><th>Hedge</th></tr></thead>
      <tbody>${rows}</tbody></table>`;
  }

  function renderEvents(snap) {
    const list = snap.events ?? [];
    if (list.length === 0) {
      $("events").innerHTML = `<li class="empty">Nothing has happened yet</li>`;
      return;
    }
    $("events").innerHTML = list.map((e) => {
      const kind = String(e.kind ?? "");
      const colour = kind === "closed" && e.close_type ? closeColour(e.close_type) : EVENT_COLOURS[kind] ?? "grey";
      return `<li class="event" data-kind="${esc(kind)}">
        <time datetime="${esc(e.at)}">${timeOfDay(parseTime(e.at))}</time>
        <span>${badge(title(kind), colour)}</span>
        <span class="text">${esc(e.text)}${e.close_type ? " " + badge(e.close_type, closeColour(e.close_type), "outline") : ""}
          <span class="who">${esc(e.executor_id)}</span></span>
      </li>`;
    }).join("");
  }

  function renderExecution(snap) {
    const x = snap.execution;
    if (!x) {
      $("execution").innerHTML = `<div class="empty">No orders yet</div>`;
      return;
    }
    const fillColour = (rate) => (!isNum(rate) ? "" : rate >= 0.95 ? "" : rate >= 0.8 ? "amber" : "red");
    const meter = (rate) => `<div class="meter"><span class="${fillColour(rate)}" style="width:${isNum(rate) ? Math.max(0, Math.min(100, rate * 100)) : 0}%"></span></div>`;
    const bps = (v) => (isNum(v) ? `${fixed(v, 2)}${unit("bps")}` : DASH);
    const kpi = (label, value, extra = "", key = "") =>
      `<div class="exec-kpi"${key ? ` data-kpi="${key}"` : ""}><div class="label">${label}</div><div class="value">${value}</div>${extra}</div>`;
    const modes = (x.by_mode ?? []).map((m) => `<tr data-mode="${esc(m.mode)}">
        <td>${esc(m.mode)}</td>
        <td class="num">${isNum(m.orders) ? m.orders : DASH}</td>
        <td class="num">${isNum(m.fill_rate) ? fixed(m.fill_rate * 100, 1) + unit("%") : DASH}</td>
        <td class="num">${bps(m.avg_slippage_bps)}</td>
      </tr>`).join("");
    $("execution").innerHTML = `<div class="exec-kpis">
        ${kpi("Orders", `${isNum(x.orders) ? x.orders : "\u2013"}`, `<div class="card-note">${isNum(x.filled_orders) ? x.filled_orders : "\u2013"} filled</div>`, "orders")}
        ${kpi("Fill rate", isNum(x.fill_rate) && x.orders !== 0 ? fixed(x.fill_rate * 100, 1) + unit("%") : DASH, meter(x.orders !== 0 ? x.fill_rate : null), "fill-rate")}
        ${kpi("Avg slippage", bps(x.avg_slippage_bps), "", "slippage")}
        ${kpi("Median time to fill", millis(x.median_time_to_fill_ms), "", "time-to-fill")}
      </div>
      <table>
        <thead><tr><th>Mode</th><th class="num">Orders</th><th class="num">Fill rate</th><th class="num">Slippage</th></tr></thead>
        <tbody>${modes || `<tr><td colspan="4" class="empty">No orders yet</td></tr>`}</tbody>
      </table>`;
  }

  // The API's `economics` block (docs/trading.md, "Economics"). Each figure keeps the value it was drawn from in
  // data-value, as the snapshot's JSON gave it.
  function renderEconomics(snap) {
    const e = snap.economics;
    if (!e) {
      $("economics").innerHTML = `<div class="empty">No economics yet</div>`;
      return;
    }
    const figure = (key, label, value, sub) =>
      `<div class="exec-kpi" data-economics="${key}" data-value="${esc(String(e[key]))}"><div class="label">${label}</div>` +
      `<div class="value">${value}</div><div class="card-note">${sub}</div></div>`;
    // Connector venues have no settlement or order history in the node yet (docs/node.md, "Venues").
    const missing = e.uncovered_venues || [];
    const uncovered = missing.length === 0 ? "" :
      `<div class="card-note" data-economics="uncovered_venues">Slippage, oracle and capture leave out ${esc(missing.join(", "))}: ` +
      `the node has no funding settlements or order history from their connectors yet.</div>`;
    $("economics").innerHTML = `<div class="econ-figures">
        ${figure("funding_quote", "Funding", money(e.funding_quote, { sign: true, colour: true }), "received net of paid")}
        ${figure("fees_quote", "Fees", money(e.fees_quote), "paid")}
        ${figure("slippage_quote", "Slippage", money(e.slippage_quote), "against the arrival mid")}
        ${figure("basis_quote", "Basis", money(e.basis_quote), "the rest of the legs\u2019 PnL")}
        ${figure("net_quote", "Net", money(e.net_quote, { sign: true, colour: true }), "funding \u2212 costs")}
        ${figure("round_trips", "Round trips", isNum(e.round_trips) ? String(e.round_trips) : DASH, "entries made")}
        ${figure("fee_to_funding_ratio", "Fee / funding", percent(e.fee_to_funding_ratio, 1), "fees per unit of funding")}
        ${figure("oracle_quote", "Oracle", money(e.oracle_quote), "best pairs, with hindsight")}
        ${figure("capture_ratio", "Capture", percent(e.capture_ratio, 1, "%", true), "net / oracle")}
      </div>${uncovered}`;
  }

  // ---------- equity chart ----------

  function niceStep(range, count) {
    const raw = range / Math.max(1, count);
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const residual = raw / magnitude;
    const nice = residual >= 5 ? 10 : residual >= 2 ? 5 : residual >= 1 ? 2 : 1;
    return nice * magnitude;
  }

  function drawChart() {
    const canvas = $("equity-chart");
    const snap = state.snapshot;
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(rect.width));
    const height = Math.max(1, Math.round(rect.height));
    if (canvas.width !== width * ratio || canvas.height !== height * ratio) {
      canvas.width = width * ratio;
      canvas.height = height * ratio;
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const css = getComputedStyle(document.documentElement);
    const colour = (name) => css.getPropertyValue(name).trim();
    ctx.font = `11px ${colour("--mono")}`;

    const points = (snap?.equity ?? [])
      .map((p) => ({ t: parseTime(p.at), v: p.net_pnl_quote }))
      .filter((p) => isNum(p.t) && isNum(p.v));
    state.chart = null;
    if (points.length === 0) {
      ctx.fillStyle = colour("--text-faint");
      ctx.textAlign = "center";
      ctx.fillText("No PnL recorded yet", width / 2, height / 2);
      $("equity-note").textContent = "";
      return;
    }

    const left = 68, right = 16, top = 12, bottom = 26;
    const plotW = Math.max(1, width - left - right);
    const plotH = Math.max(1, height - top - bottom);
    let t0 = points[0].t, t1 = points[points.length - 1].t;
    if (t1 <= t0) { t0 -= 60000; t1 += 60000; }
    let lo = Math.min(0, ...points.map((p) => p.v));
    let hi = Math.max(0, ...points.map((p) => p.v));
    if (hi - lo < 1e-9) { hi += 1; lo -= 1; }
    const step = niceStep(hi - lo, 4);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    const x = (t) => left + ((t - t0) / (t1 - t0)) * plotW;
    const y = (v) => top + (1 - (v - lo) / (hi - lo)) * plotH;

    // grid and y labels
    ctx.strokeStyle = colour("--line-soft");
    ctx.fillStyle = colour("--text-faint");
    ctx.lineWidth = 1;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    const digits = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
    for (let v = lo; v <= hi + step / 2; v += step) {
      const yy = Math.round(y(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(left, yy);
      ctx.lineTo(left + plotW, yy);
      ctx.stroke();
      ctx.fillText(signed(v, digits), left - 8, yy);
    }

    // x labels
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const span = t1 - t0;
    const ticks = Math.max(2, Math.min(6, Math.floor(plotW / 120)));
    for (let i = 0; i <= ticks; i++) {
      const t = t0 + (span * i) / ticks;
      const label = span > 36 * 3600 * 1000 ? shortDateTime(t) : timeOfDay(t).slice(0, 5);
      ctx.textAlign = i === 0 ? "left" : i === ticks ? "right" : "center";
      ctx.fillText(label, x(t), top + plotH + 8);
    }

    // zero line
    const zeroY = Math.round(y(0)) + 0.5;
    ctx.strokeStyle = colour("--text-faint");
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(left, zeroY);
    ctx.lineTo(left + plotW, zeroY);
    ctx.stroke();
    ctx.setLineDash([]);

    // area and line, green above zero and red below
    const path = new Path2D();
    points.forEach((p, i) => (i === 0 ? path.moveTo(x(p.t), y(p.v)) : path.lineTo(x(p.t), y(p.v))));
    const area = new Path2D(path);
    area.lineTo(x(points[points.length - 1].t), y(0));
    area.lineTo(x(points[0].t), y(0));
    area.closePath();
    for (const [name, clipTop, clipBottom] of [["--green", top, y(0)], ["--red", y(0), top + plotH]]) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(left - 2, clipTop, plotW + 4, Math.max(0, clipBottom - clipTop));
      ctx.clip();
      const fill = ctx.createLinearGradient(0, clipTop, 0, clipBottom);
      const base = colour(name);
      const rgba = (alpha) => hexToRgba(base, alpha);
      fill.addColorStop(0, rgba(name === "--green" ? 0.28 : 0.04));
      fill.addColorStop(1, rgba(name === "--green" ? 0.04 : 0.28));
      ctx.fillStyle = fill;
      ctx.fill(area);
      ctx.strokeStyle = base;
      ctx.lineWidth = 2;
      ctx.lineJoin = "round";
      ctx.stroke(path);
      ctx.restore();
    }

    // last point
    const last = points[points.length - 1];
    ctx.fillStyle = last.v >= 0 ? colour("--green") : colour("--red");
    ctx.beginPath();
    ctx.arc(x(last.t), y(last.v), 3.5, 0, Math.PI * 2);
    ctx.fill();

    state.chart = { points, x, y, left, top, plotW, plotH };
    $("equity-note").textContent = `${points.length} points \u00b7 last ${signed(last.v, 2)} ${state.quote}`;
    drawHover(ctx, colour);
  }

  function drawHover(ctx, colour) {
    const chart = state.chart;
    const tip = $("equity-tip");
    if (!chart || state.hover === null) {
      tip.hidden = true;
      return;
    }
    let best = chart.points[0];
    for (const p of chart.points) {
      if (Math.abs(chart.x(p.t) - state.hover) < Math.abs(chart.x(best.t) - state.hover)) best = p;
    }
    const px = chart.x(best.t), py = chart.y(best.v);
    ctx.strokeStyle = colour("--text-faint");
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.round(px) + 0.5, chart.top);
    ctx.lineTo(Math.round(px) + 0.5, chart.top + chart.plotH);
    ctx.stroke();
    ctx.fillStyle = colour("--text");
    ctx.beginPath();
    ctx.arc(px, py, 4, 0, Math.PI * 2);
    ctx.fill();
    tip.hidden = false;
    tip.innerHTML = `${esc(clockText(best.t))}<br><span class="${tone(best.v)}">${signed(best.v, 2)}</span> ${esc(state.quote)}`;
    const wrapWidth = tip.parentElement.clientWidth;
    const tipWidth = tip.offsetWidth;
    tip.style.left = `${Math.min(wrapWidth - tipWidth - 4, Math.max(4, px + 12))}px`;
    tip.style.top = `${Math.max(4, py - 44)}px`;
  }

  function hexToRgba(hex, alpha) {
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!m) return hex;
    return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${alpha})`;
  }

  // ---------- live ticking ----------

  function tickCountdowns() {
    const now = marketNow();
    for (const el of document.querySelectorAll("[data-next-funding]")) {
      const due = parseTime(el.dataset.nextFunding);
      if (!isNum(due) || !isNum(now)) {
        el.textContent = "\u2013";
        continue;
      }
      const left = due - now;
      el.textContent = left <= 0 ? "settling" : duration(left);
      el.classList.toggle("soon", left < SOON_MS);
    }
  }

  function setLive(mode, text = mode) {
    const live = $("live");
    if (live.dataset.state === mode) return;
    live.dataset.state = mode;
    live.querySelector(".live-text").textContent = text;
  }

  function tick() {
    tickCountdowns();
    const source = state.source;
    if (source && source.readyState === EventSource.OPEN && state.snapshot &&
        performance.now() - state.receivedAt > STALE_AFTER_MS) {
      setLive("stale");
    }
  }

  // ---------- snapshot handling ----------

  const SECTIONS = [
    [(s) => [s.node, s.at, s.speed], renderHeader],
    [(s) => [s.totals, s.opportunities], renderTotals],
    [(s) => s.venues, renderVenues],
    [(s) => [s.opportunities, s.pairs], renderOpportunities],
    [(s) => [s.pairs, s.at], renderPairs],
    [(s) => s.positions, renderPositions],
    [(s) => [s.net_delta, s.positions], renderNetDelta],
    [(s) => s.events, renderEvents],
    [(s) => s.execution, renderExecution],
    [(s) => s.economics, renderEconomics],
    [(s) => s.equity, drawChart],
  ];

  function quoteOf(snap) {
    const quotes = new Set((snap.venues ?? []).flatMap((v) => (v.markets ?? []).map((m) => m.quote)).filter(Boolean));
    return quotes.size === 1 ? [...quotes][0] : "quote";
  }

  function apply(snap) {
    if (!snap || typeof snap !== "object") return;
    state.snapshot = snap;
    state.receivedAt = performance.now();
    state.count += 1;
    const quote = quoteOf(snap);
    const quoteChanged = quote !== state.quote;
    state.quote = quote;
    SECTIONS.forEach(([select, render], i) => {
      const key = JSON.stringify(select(snap));
      if (!quoteChanged && state.rendered.get(i) === key) return;
      state.rendered.set(i, key);
      render(snap);
    });
    document.body.dataset.snapshots = String(state.count);
    $("footer-status").textContent = `snapshot ${state.count} \u00b7 market time ${clockText(parseTime(snap.at))}`;
  }

  function onSnapshot(event) {
    let snap;
    try {
      snap = JSON.parse(event.data);
    } catch {
      return;
    }
    state.retryMs = 1000;
    setLive("live");
    apply(snap);
  }

  function connect() {
    const source = new EventSource(STREAM_URL);
    state.source = source;
    source.addEventListener("snapshot", onSnapshot);
    source.onmessage = onSnapshot;
    source.onopen = () => setLive("live");
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (an error status or a wrong content type): retry ourselves, backing off.
        source.close();
        setLive("offline", "offline \u00b7 retrying");
        setTimeout(connect, state.retryMs);
        state.retryMs = Math.min(state.retryMs * 2, 15000);
      } else {
        setLive("reconnecting");
      }
    };
  }

  async function firstPaint() {
    try {
      const response = await fetch(SNAPSHOT_URL, { cache: "no-store", headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const snap = await response.json();
      if (state.count === 0) apply(snap);
    } catch {
      // The stream will bring the first snapshot instead.
    }
  }

  function start() {
    const canvas = $("equity-chart");
    canvas.addEventListener("mousemove", (e) => {
      state.hover = e.clientX - canvas.getBoundingClientRect().left;
      drawChart();
    });
    canvas.addEventListener("mouseleave", () => {
      state.hover = null;
      drawChart();
    });
    if ("ResizeObserver" in window) new ResizeObserver(() => drawChart()).observe(canvas);
    else window.addEventListener("resize", drawChart);
    firstPaint();
    connect();
    setInterval(tick, 250);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
