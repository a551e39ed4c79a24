// The live page: reads only the query API (/api/v1) and its alert stream; redraws every 2 s.
"use strict";
const params = new URLSearchParams(location.search);
const SYMBOL = params.get("symbol") || "META";
const API = "/api/v1";
// An API with tokens (api.auth.tokens.file): open the page as /#token=... . The fragment never reaches
// the server (nor its logs); the token moves to a same-site cookie that fetch and EventSource send.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.has("token")) {
  document.cookie = "newsflow_token=" + encodeURIComponent(fragment.get("token")) + "; path=/api/v1; SameSite=Strict"
    + (location.protocol === "https:" ? "; Secure" : "");
  history.replaceState(null, "", location.pathname + location.search);
}
const charts = {};
let alerts = [];

async function get(path) {
  const response = await fetch(API + path);
  if (response.status === 404) return null;             // nothing known yet
  if (response.status === 401) throw new Error("this API needs a token: open the page as /#token=YOUR_TOKEN");
  if (!response.ok) throw new Error(path + ": " + response.status);
  return response.json();
}

const seconds = iso => Date.parse(iso) / 1000;
const pct = x => x == null ? "n/a" : (100 * x).toFixed(1) + "%";
const signed = x => x == null ? "n/a" : (x >= 0 ? "+" : "") + x.toFixed(2);
const bps = x => x == null ? "n/a" : x.toFixed(1);
// Deals of the shipped scenarios whose tranche split, spreads and coupons are illustrative, not reported (scenarios/README.md).
const ILLUSTRATIVE_DEALS = new Set(["META-2025-10-30"]);

// A table of rows of cell texts under a header row; the row count goes to data-rows.
function table(id, header, rows) {
  const el = document.getElementById(id);
  el.dataset.rows = rows.length;
  el.replaceChildren();
  const head = el.insertRow();
  header.forEach(h => { const th = document.createElement("th"); th.textContent = h; head.appendChild(th); });
  rows.forEach(cells => { const row = el.insertRow(); cells.forEach(c => { row.insertCell().textContent = c; }); });
}

// One uPlot per panel, created on first data, then fed with setData; the point count goes to data-points.
function draw(id, series, data, opts = {}) {
  const el = document.getElementById(id);
  el.dataset.points = data[0].length;
  if (!charts[id]) {
    const scales = [...new Set(series.map(s => s.scale))];   // one y axis per scale: left, then right
    charts[id] = new uPlot({
      width: el.clientWidth || 560, height: 220, series: [{}, ...series],
      axes: [{}, ...scales.map((scale, i) => ({ scale, side: i ? 1 : 3, grid: { show: i === 0 } }))],
      hooks: opts.hooks || {},
    }, data, el);
  } else {
    charts[id].setData(data);
  }
}

// Vertical red lines at the alert times on the price chart.
const alertMarkers = {
  draw: [u => {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = "#dc2626";
    ctx.lineWidth = 2;
    for (const a of alerts.filter(a => a.symbol === SYMBOL)) {
      const x = u.valToPos(seconds(a.triggeredAt), "x", true);
      ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
    }
    ctx.restore();
  }],
};

async function refreshPrice() {
  const history = await get(`/prices/${SYMBOL}/history`);
  if (!history) return;
  const pts = history.points;
  draw("price", [{ label: SYMBOL, stroke: "#2563eb", scale: "$" }],
    [pts.map(p => seconds(p.time)), pts.map(p => p.price)], { hooks: alertMarkers });
  document.getElementById("price").dataset.alerts = alerts.filter(a => a.symbol === SYMBOL).length;
}

async function refreshSentiment() {
  const [hour, day, decayed] = await Promise.all([
    ...["1h", "24h"].map(w => get(`/sentiment/${SYMBOL}?window=${w}&from=1970-01-01T00:00:00Z`)),
    get(`/sentiment-decayed/${SYMBOL}?from=1970-01-01T00:00:00Z`)]);
  showDecayed(decayed);
  if (!hour && !day && !decayed) return;
  // align the two windows and the decayed score (which fades between articles) on the union of their times
  const byTime = new Map();
  const put = (t, i, v) => { const row = byTime.get(t) || [null, null, null]; row[i] = v; byTime.set(t, row); };
  (hour ? hour.points : []).forEach(p => put(seconds(p.windowEnd), 0, p.noveltyWeightedSentiment));
  (day ? day.points : []).forEach(p => put(seconds(p.windowEnd), 1, p.noveltyWeightedSentiment));
  (decayed ? decayed.points : []).forEach(p => put(seconds(p.asOf), 2, p.score));
  const times = [...byTime.keys()].sort((a, b) => a - b);
  draw("sentiment", [{ label: "1h", stroke: "#7c3aed", scale: "s", spanGaps: true },
                     { label: "24h", stroke: "#f59e0b", scale: "s", spanGaps: true },
                     { label: "decayed", stroke: "#059669", scale: "s", spanGaps: true }],
    [times, ...[0, 1, 2].map(i => times.map(t => byTime.get(t)[i]))]);
}

// The newest decayed sentiment: the score fades between articles (half-life), the weight says how much news is behind it.
function showDecayed(decayed) {
  const el = document.getElementById("decayed-summary");
  const last = decayed && decayed.points.length ? decayed.points[decayed.points.length - 1] : null;
  el.dataset.points = decayed ? decayed.points.length : 0;
  el.textContent = last == null ? "decayed sentiment: none yet"
    : `decayed sentiment ${signed(last.score)} (mean ${signed(last.meanSentiment)}, weight ${last.weight.toFixed(2)},`
      + ` half-life ${(last.halfLifeMs / 3600000).toFixed(1)}h) as of ${last.asOf}`;
}

async function refreshCreditAndBook() {
  const credit = await get(`/credit/${SYMBOL}`);
  if (!credit) return;
  const latest = credit.latest || credit.history[credit.history.length - 1];
  const views = credit.history.filter(v => v.orderBookSize != null);
  document.getElementById("credit-summary").innerHTML =
    `as of ${latest.asOf}: book ${latest.oversubscription == null ? "n/a" : latest.oversubscription.toFixed(2) + "x"},
     equity ${latest.equityReturnWindow} ${pct(latest.equityReturn)}, news ${signed(latest.newsSentiment)}:
     <span class="${latest.divergent ? "divergent" : ""}">${latest.divergent ? "DIVERGENT" : "aligned"}</span>`;
  draw("credit", [{ label: "oversubscription (x)", stroke: "#059669", scale: "x1" },
                  { label: "equity return (%)", stroke: "#dc2626", scale: "%" }],
    [credit.history.map(v => seconds(v.asOf)), credit.history.map(v => v.oversubscription),
     credit.history.map(v => v.equityReturn == null ? null : 100 * v.equityReturn)]);
  if (!latest.dealId) return;
  const deal = await get(`/bonds/${encodeURIComponent(latest.dealId)}`);
  if (!deal) return;
  document.getElementById("book-summary").textContent =
    `${deal.dealId}: book ${(deal.orderBookSize / 1e9).toFixed(1)}B / target ${(deal.targetSize / 1e9).toFixed(1)}B
     = ${deal.oversubscription.toFixed(2)}x, ${deal.status}`;
  showTranches(deal);
  draw("book", [{ label: "book (B)", stroke: "#059669", scale: "B", fill: "rgba(5,150,105,0.1)" },
                { label: "target (B)", stroke: "#6b7280", scale: "B", dash: [5, 5] }],
    [views.map(v => seconds(v.asOf)), views.map(v => v.orderBookSize / 1e9), views.map(() => deal.targetSize / 1e9)]);
}

function showTranches(deal) {
  const tranches = deal.tranches || [];
  document.getElementById("tranche-note").textContent = ILLUSTRATIVE_DEALS.has(deal.dealId) && tranches.length
    ? "Illustrative: this scenario's tranche split, spreads and coupons are not reported figures." : "";
  table("tranches", ["tenor", "size (B)", "IPT", "revisions", "launch", "tightening (bp)", "coupon", "share of book"],
    tranches.map(t => [t.tenor, t.size == null ? "n/a" : (t.size / 1e9).toFixed(1), bps(t.initialSpreadBps),
      (t.revisions || []).map(r => bps(r.spreadBps)).join(" > "), bps(t.launchSpreadBps), bps(t.tighteningBps),
      t.couponPct == null ? "n/a" : t.couponPct.toFixed(3) + "%", pct(t.shareOfBook)]));
}

async function refreshSignal() {
  const [mine, all] = await Promise.all([get(`/signal-quality/${SYMBOL}`), get("/signal-quality")]);
  const rows = [];
  for (const [who, answer] of [[SYMBOL, mine], ["all tickers", all]]) {
    for (const h of (answer ? answer.horizons : []).filter(h => h.articleCount > 0)) {
      rows.push([who, h.horizonLabel, String(h.articleCount), pct(h.hitRate),
        h.informationCoefficient == null ? "n/a" : h.informationCoefficient.toFixed(2),
        pct(h.meanCarPositive), pct(h.meanCarNegative)]);
    }
  }
  table("signal", ["tickers", "horizon", "articles", "hit rate", "IC (rank)", "mean CAR after +", "after -"], rows);
}

// The words that decided the score with their signed weights ("+0.81 operating profit rose"); records
// without located evidence (the lexicon scorer, older records) show their matched terms.
function evidence(score) {
  const spans = score.evidence || [];
  return spans.length ? spans.map(e => `${signed(e.weight)} "${e.text}"`).join(", ")
    : (score.matchedTerms || []).join(", ");
}

async function refreshArticles() {
  const reactions = await get(`/reactions/${SYMBOL}?limit=8`);
  if (!reactions) return;
  const table = document.getElementById("articles");
  table.dataset.rows = reactions.articles.length;
  const cell = text => { const td = document.createElement("td"); td.textContent = text; return td; };
  table.replaceChildren();
  const head = table.insertRow();
  ["published", "title", "sentiment", "novelty", "evidence", "reactions (CAR; * significant)"].forEach(h => {
    const th = document.createElement("th"); th.textContent = h; head.appendChild(th);
  });
  for (const { score, reactions: rs } of reactions.articles) {
    const row = table.insertRow();
    row.append(cell(score.publishedAt), cell(score.title), cell(signed(score.sentiment)),
      cell(score.novelty.toFixed(2)), cell(evidence(score)),
      cell(rs.map(r => `${r.horizonLabel} ${pct(r.priceReturn)}`
        + (r.cumulativeAbnormalReturn == null ? "" : ` (CAR ${pct(r.cumulativeAbnormalReturn)}${r.significant ? "*" : ""})`))
        .join("  ")));
    row.cells[2].className = score.sentiment < 0 ? "neg" : "pos";
  }
}

function showAlerts() {
  const list = document.getElementById("alerts");
  list.dataset.rows = alerts.length;
  list.replaceChildren(...alerts.slice(0, 10).map(a => {
    const li = document.createElement("li");
    li.textContent = `${a.triggeredAt} ${a.symbol} ${a.windowLabel} ${a.direction} ${pct(a.priceReturn)}`
      + ` (news ${signed(a.recentSentiment)}, ${a.recentArticleCount} articles)`;
    return li;
  }));
}

async function refreshAlerts() {
  const latest = await get("/alerts?limit=100");
  alerts = latest ? latest.alerts : [];
  showAlerts();
}

// Each panel on its own: one failing query (503 while the state restores) leaves the others drawn.
async function refresh() {
  const results = await Promise.allSettled([refreshAlerts(), refreshSentiment(), refreshCreditAndBook(),
    refreshArticles(), refreshSignal()]);
  await refreshPrice().catch(e => results.push({ status: "rejected", reason: e }));  // after the alerts: its markers
  const failed = results.filter(r => r.status === "rejected").map(r => r.reason.message);
  document.getElementById("status").textContent = failed.length
    ? "waiting for the pipeline: " + failed.join(", ") : "updated " + new Date().toLocaleTimeString();
}

document.getElementById("symbol").textContent = SYMBOL;
new EventSource(API + "/stream/alerts").addEventListener("alert", event => {
  alerts.unshift(JSON.parse(event.data));
  showAlerts();
  refreshPrice();
});
(async function loop() {            // the next refresh 2 s after this one ends: never two at once
  await refresh();
  setTimeout(loop, 2000);
})();
