// The search page (templates/search.njk): one interface over two engines.
//
// - Served over http(s): Pagefind's JS API (pagefind/pagefind.js, a module, loaded with import()).
// - Opened from disk (file:, where browsers refuse fetch() and modules) — or when Pagefind cannot load:
//   the fallback index of classic scripts in search/offline/ (src/site/offline-index.ts), each calling
//   window.__archiveSearch; only the shards a query needs are loaded, by inserting <script> elements.
//
// Both engines answer search(text, filters, sort) with result loaders; this file draws results, filter
// checkboxes (outlet, year, person, party, organization, place) and the summary the same way for both.

(() => {
  const root = document.querySelector(".search-layout");
  if (!root) return;
  const input = document.getElementById("search-input");
  const sortSelect = document.getElementById("search-sort");
  const summary = root.querySelector(".search-summary");
  const list = root.querySelector(".search-results");
  const more = root.querySelector(".search-more");
  const filterPane = root.querySelector(".search-filters");
  const PAGE = 10;
  const FILTERS = [
    ["outlet", "Outlet"],
    ["year", "Year"],
    ["person", "Person"],
    ["party", "Party"],
    ["organization", "Organization"],
    ["place", "Place"],
  ];
  const MONTHS = "January February March April May June July August September October November December".split(" ");

  // ───────── shared text handling (words, stem, tokenize must match src/site/offline-index.ts) ─────────

  function stem(word) {
    if (word.length <= 3 || /\d/.test(word)) return word;
    if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
    let base = word;
    if (word.endsWith("ing") && word.length > 5) base = word.slice(0, -3);
    else if (word.endsWith("ed") && word.length > 4) base = word.slice(0, -2);
    else if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
    else if (/[^su]s$/.test(word) && !word.endsWith("is")) return word.slice(0, -1);
    else return word;
    return /([bdfgmnprt])\1$/.test(base) ? base.slice(0, -1) : base;
  }
  const words = (text) =>
    (
      text
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) || []
    ).filter((t) => t.length > 1);
  const tokenize = (text) => words(text).map(stem);

  /** Query terms; the last is a prefix while it is being typed (no space after it). */
  function parseQuery(text) {
    const typed = words(text);
    const terms = [...new Set(typed.map(stem))];
    // The last word, while typed, also matches the words it begins ("balo" → "balochistan").
    const prefix = typed.length > 0 && !/\s$/.test(text) ? stem(typed[typed.length - 1]) : null;
    return { terms, prefix };
  }

  function formatDate(iso) {
    if (!iso) return "Undated";
    const [year, month, day] = iso.split("-");
    if (!month) return year;
    const monthName = MONTHS[Number(month) - 1];
    return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
  }

  // ───────── the fallback engine: classic scripts, loaded on demand ─────────

  function offlineEngine(metaUrl) {
    const base = new URL(".", metaUrl);
    const state = { meta: null, terms: new Map(), docs: new Map() };
    const loading = new Map();
    window.__archiveSearch = {
      addMeta(meta) {
        state.meta = meta;
      },
      addTerms(key, terms) {
        state.terms.set(key, terms);
      },
      addDocs(n, docs) {
        state.docs.set(n, docs);
      },
    };

    function load(file) {
      let promise = loading.get(file);
      if (!promise) {
        promise = new Promise((resolve, reject) => {
          const script = document.createElement("script");
          script.src = new URL(file, base).href;
          script.onload = () => resolve();
          script.onerror = () => reject(new Error(`search index: cannot load ${file}`));
          document.head.append(script);
        });
        loading.set(file, promise);
      }
      return promise;
    }

    const shardFile = (key) => {
      let name = "t";
      for (const char of key) name += /[a-z0-9]/.test(char) ? char : `_${char.codePointAt(0).toString(16)}_`;
      return `${name}.js`;
    };
    const decodeIds = (text) => {
      const ids = [];
      let id = 0;
      for (const part of text ? text.split(",") : []) {
        id += Number.parseInt(part, 36);
        ids.push(id);
      }
      return ids;
    };
    const decodePostings = (text) => {
      const out = [];
      let id = 0;
      for (const part of text.split(",")) {
        const title = part.endsWith("*");
        const [delta, tf] = (title ? part.slice(0, -1) : part).split(":");
        id += Number.parseInt(delta, 36);
        out.push([id, tf === undefined ? 1 : Number.parseInt(tf, 36), title]);
      }
      return out;
    };

    let meta;
    let keys;
    let lengths;
    let dates;
    let averageLength;
    const filterDocs = new Map(); // name → Map(value → doc ids)

    /** The shard of an exact term: the longest key that is a prefix of it. */
    const keyOf = (term) => {
      let best = null;
      for (const key of keys) if (term.startsWith(key) && (best === null || key.length > best.length)) best = key;
      return best;
    };
    const keysFor = (term, isPrefix) => {
      const found = new Set();
      const own = keyOf(term);
      if (own !== null) found.add(own);
      if (isPrefix) for (const key of keys) if (key.startsWith(term)) found.add(key);
      return [...found];
    };

    /** doc → [tf, inTitle] for every index term matching `term` (as a prefix when asked). */
    function matches(term, isPrefix) {
      const byDoc = new Map();
      for (const key of keysFor(term, isPrefix)) {
        const shard = state.terms.get(key) || {};
        const names = isPrefix ? Object.keys(shard).filter((t) => t.startsWith(term)) : term in shard ? [term] : [];
        for (const name of names) {
          const exact = name === term;
          for (const [doc, tf, title] of decodePostings(shard[name])) {
            // Completions weigh a little less than the word itself.
            const weight = exact ? 1 : 0.8;
            const seen = byDoc.get(doc);
            if (!seen || seen.weight * (seen.tf + seen.title) < weight * (tf + title)) {
              byDoc.set(doc, { tf, title: title ? 1 : 0, weight });
            }
          }
        }
      }
      return byDoc;
    }

    function excerptOf(text, terms, prefix) {
      const words = [...text.matchAll(/\S+/g)].map((m) => m[0]);
      const hit = (word) => tokenize(word).some((t) => terms.includes(t) || (prefix !== null && t.startsWith(prefix)));
      const first = words.findIndex(hit);
      const start = Math.max(0, first - 8);
      const window = words.slice(start, start + 30);
      const segments = [];
      if (start > 0) segments.push(["… ", false]);
      window.forEach((word, i) => {
        segments.push([word, hit(word)]);
        if (i < window.length - 1) segments.push([" ", false]);
      });
      if (start + 30 < words.length) segments.push([" …", false]);
      return segments;
    }

    return {
      name: "offline",
      async init() {
        await load(new URL(metaUrl).pathname.split("/").pop());
        meta = state.meta;
        if (!meta) throw new Error("search index: meta.js did not register");
        keys = meta.keys;
        lengths = meta.lengths.split(",").map((n) => Number.parseInt(n, 36));
        dates = meta.dates.split(",");
        averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
        const all = {};
        for (const { name, values } of meta.filters) {
          const map = new Map(values.map(([value, ids]) => [value, decodeIds(ids)]));
          filterDocs.set(name, map);
          all[name] = Object.fromEntries([...map].map(([value, ids]) => [value, ids.length]));
        }
        return all;
      },

      async search(text, selected, sort) {
        const { terms, prefix } = parseQuery(text);
        const hasFilters = Object.values(selected).some((values) => values.length > 0);
        if (terms.length === 0 && !hasFilters) return null;
        let scores = null;
        if (terms.length > 0) {
          await Promise.all(terms.flatMap((term) => keysFor(term, term === prefix).map((key) => load(shardFile(key)))));
          const k1 = 1.2;
          const b = 0.75;
          for (const term of terms) {
            const byDoc = matches(term, term === prefix);
            const idf = Math.log(1 + (meta.docs - byDoc.size + 0.5) / (byDoc.size + 0.5));
            const next = new Map();
            for (const [doc, { tf, title, weight }] of byDoc) {
              if (scores && !scores.has(doc)) continue; // every term must match
              const norm = tf + k1 * (1 - b + (b * lengths[doc]) / averageLength);
              const score = weight * idf * ((tf * (k1 + 1)) / norm + 1.5 * title);
              next.set(doc, (scores ? scores.get(doc) : 0) + score);
            }
            scores = next;
          }
        } else {
          scores = new Map(dates.map((_, doc) => [doc, 0]));
        }
        for (const [name, values] of Object.entries(selected)) {
          if (values.length === 0) continue;
          const allowed = new Set(values.flatMap((value) => filterDocs.get(name)?.get(value) || []));
          for (const doc of [...scores.keys()]) if (!allowed.has(doc)) scores.delete(doc);
        }
        let docs = [...scores.keys()];
        if (sort.date) {
          // Like Pagefind, a sort by date lists only the pages that have one.
          docs = docs.filter((doc) => dates[doc] !== "");
          const sign = sort.date === "asc" ? 1 : -1;
          docs.sort((a, b) => sign * (dates[a] < dates[b] ? -1 : dates[a] > dates[b] ? 1 : 0) || a - b);
        } else {
          docs.sort((a, b) => scores.get(b) - scores.get(a) || a - b);
        }
        const inResults = new Set(docs);
        const counts = {};
        for (const [name, map] of filterDocs) {
          counts[name] = {};
          for (const [value, ids] of map) counts[name][value] = ids.filter((id) => inResults.has(id)).length;
        }
        return {
          total: docs.length,
          filters: counts,
          results: docs.map((doc) => async () => {
            const shard = Math.floor(doc / meta.docShard);
            await load(`d${shard}.js`);
            const [path, title, date, outlet, body] = state.docs.get(shard)[doc - shard * meta.docShard];
            return {
              url: new URL(`../../${path}`, base).href,
              title,
              date: date || null,
              outlet: outlet || null,
              excerpt: excerptOf(body, terms, prefix),
            };
          }),
        };
      },
    };
  }

  // ───────── Pagefind's JS API, over http(s) ─────────

  function pagefindEngine(moduleUrl) {
    const siteRoot = new URL("../", moduleUrl);
    let pagefind;
    /** Pagefind's excerpt is HTML with <mark>: split into [text, marked] pairs, entities decoded. */
    const segmentsOf = (html) => {
      const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
      const decode = (s) =>
        s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, code) =>
          code[0] === "#"
            ? String.fromCodePoint(
                Number.parseInt(
                  code.slice(code[1] === "x" || code[1] === "X" ? 2 : 1),
                  code[1] === "x" || code[1] === "X" ? 16 : 10,
                ),
              )
            : (named[code] ?? entity),
        );
      return html.split(/(<mark>.*?<\/mark>)/s).flatMap((part) => {
        if (!part) return [];
        const marked = part.startsWith("<mark>");
        return [[decode(marked ? part.slice(6, -7) : part), marked]];
      });
    };
    return {
      name: "pagefind",
      async init() {
        pagefind = await import(moduleUrl);
        await pagefind.options({ excerptLength: 30 });
        await pagefind.init();
        return await pagefind.filters();
      },
      async search(text, selected, sort) {
        const { terms } = parseQuery(text);
        const filters = {};
        for (const [name, values] of Object.entries(selected)) if (values.length) filters[name] = { any: values };
        if (terms.length === 0 && Object.keys(filters).length === 0) return null;
        const found = await pagefind.search(terms.length ? text : null, { filters, sort });
        return {
          total: found.results.length,
          filters: found.filters,
          results: found.results.map((result) => async () => {
            const data = await result.data();
            return {
              url: new URL(data.url.replace(/^\//, ""), siteRoot).href,
              title: data.meta.title,
              date: data.meta.date || null,
              outlet: data.meta.outlet || null,
              excerpt: segmentsOf(data.excerpt),
            };
          }),
        };
      },
    };
  }

  // ───────── the interface ─────────

  let engine;
  let sequence = 0;
  let loaders = [];
  let shown = 0;

  function selectedFilters() {
    const selected = {};
    for (const [name] of FILTERS) {
      selected[name] = [...filterPane.querySelectorAll(`input[data-filter="${name}"]:checked`)].map((box) => box.value);
    }
    return selected;
  }

  function drawFilters(all) {
    filterPane.replaceChildren();
    const heading = document.createElement("h2");
    heading.className = "search-filters__heading";
    heading.textContent = "Filters";
    filterPane.append(heading);
    for (const [name, label] of FILTERS) {
      const values = Object.keys(all[name] || {});
      if (values.length === 0) continue;
      const details = document.createElement("details");
      details.className = "search-filter";
      details.dataset.filterName = name;
      const title = document.createElement("summary");
      title.textContent = label;
      const group = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.className = "visually-hidden";
      legend.textContent = label;
      group.append(legend);
      values.forEach((value, i) => {
        const id = `filter-${name}-${i}`;
        const box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value;
        box.dataset.filter = name;
        box.addEventListener("change", search);
        const text = document.createElement("label");
        text.htmlFor = id;
        text.append(value, " ");
        const count = document.createElement("span");
        count.className = "count";
        count.dataset.value = value;
        text.append(count);
        const row = document.createElement("div");
        row.className = "search-filter__option";
        row.append(box, text);
        group.append(row);
      });
      details.append(title, group);
      filterPane.append(details);
    }
  }

  function updateCounts(counts) {
    for (const details of filterPane.querySelectorAll("details[data-filter-name]")) {
      const byValue = counts?.[details.dataset.filterName] || {};
      for (const count of details.querySelectorAll(".count")) {
        const n = counts ? byValue[count.dataset.value] || 0 : null;
        count.textContent = n === null ? "" : `(${n})`;
      }
    }
  }

  function resultItem(result) {
    const item = document.createElement("li");
    item.className = "search-result";
    const link = document.createElement("a");
    link.className = "search-result__title";
    link.href = result.url;
    link.textContent = result.title;
    const meta = document.createElement("span");
    meta.className = "search-result__meta";
    if (result.date) {
      const time = document.createElement("time");
      time.dateTime = result.date;
      time.textContent = formatDate(result.date);
      meta.append(time);
    } else meta.append("Undated");
    if (result.outlet) meta.append(` · ${result.outlet}`);
    const excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    for (const [text, marked] of result.excerpt) {
      if (marked) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        excerpt.append(mark);
      } else excerpt.append(text);
    }
    item.append(link, meta, excerpt);
    return item;
  }

  async function showMore(run) {
    const batch = loaders.slice(shown, shown + PAGE);
    shown += batch.length;
    const results = await Promise.all(batch.map((load) => load()));
    if (run !== sequence) return;
    list.append(...results.map(resultItem));
    more.hidden = shown >= loaders.length;
    // For tests and scripts: what the results on screen answer.
    root.dataset.query = input.value;
    root.dataset.state = "done";
  }

  async function run() {
    const mine = ++sequence;
    root.dataset.state = "searching";
    const [key, direction] = sortSelect.value.split(":");
    const sort = key ? { [key]: direction } : {};
    const found = await engine.search(input.value, selectedFilters(), sort);
    if (mine !== sequence) return;
    loaders = found ? found.results : [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    updateCounts(found ? found.filters : null);
    const query = input.value.trim();
    summary.textContent = !found
      ? ""
      : `${found.total} ${found.total === 1 ? "result" : "results"}${query ? ` for “${query}”` : ""}`;
    await showMore(mine);
  }

  const search = () => run().catch(failed);
  let timer;
  const debounced = () => {
    root.dataset.state = "searching";
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  };

  async function start() {
    const offlineUrl = new URL(root.dataset.offlineIndex, document.baseURI).href;
    const pagefindUrl = new URL(root.dataset.pagefind, document.baseURI).href;
    let filters;
    if (location.protocol !== "file:") {
      try {
        engine = pagefindEngine(pagefindUrl);
        filters = await engine.init();
      } catch {
        engine = null; // e.g. a server without the MIME types Pagefind needs: use the fallback
      }
    }
    if (!engine) {
      engine = offlineEngine(offlineUrl);
      filters = await engine.init();
    }
    root.dataset.engine = engine.name;
    drawFilters(filters);
    input.addEventListener("input", debounced);
    input.form.addEventListener("submit", (event) => {
      event.preventDefault();
      search();
    });
    sortSelect.addEventListener("change", search);
    more.addEventListener("click", () => showMore(sequence).catch(failed));
    root.dataset.state = "ready";
    const initial = new URLSearchParams(location.search).get("q");
    if (initial) input.value = initial;
    if (input.value) await run();
  }

  function failed() {
    document.querySelector(".search-error")?.removeAttribute("hidden");
    root.dataset.state = "error";
  }

  start().catch(failed);
})();
