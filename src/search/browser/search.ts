// The search page (templates/search.njk): one page, one look, two engines.
//
// - Served over http(s): Pagefind (pagefind/pagefind.js, its JS API) answers, over every shard of the index.
// - Opened from disk (file:, where browsers refuse JS modules, so Pagefind cannot load) — or when the
//   Pagefind bundle cannot load: the fallback index of classic scripts in search/offline/
//   (src/site/offline-index.ts, each calling window.__archiveSearch) answers instead.
//
// Both engines give the same interface (search, loadFilter, totals, lastCounts) to one page, which fills
// the <pagefind-…> elements of templates/search.njk with the markup of Pagefind's Component UI (same
// elements, classes and attributes: input, summary, results with title, date, outlet and excerpt, filter
// pane), styled by its pagefind-component-ui.css. Its own UI script is not used: it draws a placeholder
// for every result and counts every filter on every search, seconds each at 10,000 articles.
//
// The page marks its state on .search-layout: data-engine ("pagefind" | "offline"), data-state ("loading"
// | "ready" | "searching" | "done" | "error") and data-query (the text the shown results answer).

(() => {
  const root = document.querySelector(".search-layout");
  if (!root) return;
  const sortSelect = document.getElementById("search-sort");
  const moreButton = root.querySelector(".search-more");
  const resultsHost = root.querySelector("pagefind-results");
  // Results are shown a page at a time: each result shown is a placeholder until its data loads, and
  // thousands of them (a common name at 10,000 articles) took seconds to lay out.
  const RESULTS_PAGE = 20;
  /** Results whose data is fetched before the list is drawn: about a screenful. */
  const FILLED_AT_ONCE = 5;
  /**
   * A search starts once typing pauses this long: long enough to take a burst of input events (a paste,
   * key repeat, an input method) as one query, short enough not to add to the wait for results. Keys typed
   * by hand come further apart, so each starts a search anyway; a newer search supersedes an older one
   * before the older fetches its results' data, and the index chunks a query needs are preloaded from its
   * first keystroke.
   */
  const TYPING_PAUSE_MS = 30;
  const urlOf = (name) => new URL(root.dataset[name], document.baseURI).href;
  root.dataset.state = "loading";

  const sortOf = (value) => {
    const [key, direction] = value.split(":");
    return key ? { [key]: direction } : {};
  };
  // Typing starts a search (after the input's debounce): results on screen no longer answer the box.
  root.addEventListener("input", (event) => {
    if (event.target.matches("input[type=search]")) root.dataset.state = "searching";
  });
  const searching = () => {
    root.dataset.state = "searching";
  };
  const done = (term) => {
    root.dataset.query = term;
    root.dataset.state = "done";
  };
  const initialQuery = () => new URLSearchParams(location.search).get("q") || "";

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`search: cannot load ${src}`));
      document.head.append(script);
    });
  }

  // ───────── over http(s): Pagefind's JS API (pagefind/pagefind.js) ─────────
  //
  // The index comes in shards (pagefind-shards.json, newest first: src/site/search-shards.ts), each a
  // Pagefind bundle, joined into one instance with Pagefind's mergeIndex (separate instances on one page
  // share Pagefind's wasm memory and corrupt each other). The page drops each shard's hidden vocabulary
  // record from the results, and leaves a shard out of a query for words it lacks (shardsLacking).
  //
  // Two such instances: Pagefind counts every value of every loaded filter on each search, testing each
  // filter page against the result list one by one, so at 10,000 articles a search with the filters loaded
  // took 1–2 s against 50 ms without. `finder` (on the main thread) answers queries and loads only the
  // filters a query selects; `counter` (in Pagefind's web worker) loads all filters once a filter group is
  // opened, and its counts follow the results when they are ready.

  /** A Pagefind result as the page draws it; the excerpt's <mark>s become [text, marked] segments. */
  function pagefindResult(data) {
    const excerpt = [];
    const parsed = new DOMParser().parseFromString(`<p>${data.excerpt || ""}</p>`, "text/html");
    for (const node of parsed.body.firstChild.childNodes) {
      excerpt.push([node.textContent, node.nodeName === "MARK"]);
    }
    const meta = data.meta || {};
    return {
      url: data.url,
      title: meta.title || data.url,
      date: meta.date || "",
      dateLabel: meta.date_label || meta.date || "",
      outlet: meta.outlet || "",
      excerpt,
    };
  }

  /**
   * Shard k (0 = newest) joins with Pagefind's indexWeight 1 + k·SHARD_MARK. Sorted by date, Pagefind
   * scores a page by its position in its own shard (0, 1, … from the oldest; negated for "asc"), and
   * merges shards by score, interleaving them; the mark, far too small to reorder a search by relevance,
   * tells each result's shard, so the shards' disjoint date ranges can follow each other instead. Position
   * 0 (score 0 at any weight) is always the shard's hidden record (src/site/search-index.ts).
   */
  const SHARD_MARK = 1e-9;
  function shardOf(score) {
    const weighted = Math.abs(score);
    const position = Math.round(weighted);
    return position === 0 ? 0 : Math.round((weighted - position) / (position * SHARD_MARK));
  }

  /** The merged results without hidden records; sorted by date, shard after shard (each in its order). */
  function orderResults(results, sort, hidden) {
    const shown = results.filter((result) => !hidden.has(result.id));
    const [direction] = Object.values(sort);
    if (!direction) return shown;
    const sign = direction === "asc" ? -1 : 1;
    // Array sort is stable: within a shard, Pagefind's order stays.
    return shown
      .map((result) => ({ result, shard: sign * shardOf(result.score) }))
      .sort((a, b) => a.shard - b.shard)
      .map(({ result }) => result);
  }

  /**
   * Pagefind splits every query with Intl.Segmenter, whose first use loads the browser's segmentation data:
   * 65 ms in Chromium, once. Done while the page waits for typing, it is not part of the first query's wait.
   */
  function warmUpSegmenter() {
    if (typeof Intl.Segmenter === "undefined") return;
    const lang = document.documentElement.lang || "en";
    setTimeout(() => {
      for (const _ of new Intl.Segmenter(lang, { granularity: "grapheme" }).segment("warm")) break;
    });
  }

  /** The synthetic filter (Pagefind's mergeFilter) naming each page's shard, so a query can leave shards out. */
  const SHARD_FILTER = "__shard";

  /**
   * Ids of the shards to leave out of a query. A shard indexed before the archive gained a word lacks it, and
   * answers a query term it cannot complete with loose matches where a complete shard answers nothing; the
   * manifest lists the loose terms of each such shard's vocabulary (src/site/search-vocabulary.ts). Query
   * terms are made as Pagefind makes them — lower case, punctuation dropped, accents folded — and stemmed as
   * it stems them.
   */
  function shardsLacking(text, shards, looseOf) {
    const stem = window.__porter2?.stem;
    if (!stem || !shards.some((shard) => looseOf(shard).length)) return [];
    const terms = text
      .toLowerCase()
      .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]+/gu, "")
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => stem(word));
    return shards
      .filter((shard) =>
        looseOf(shard).some(([loose, from]) => terms.some((term) => term.length >= from && loose.startsWith(term))),
      )
      .map((shard) => shard.id);
  }

  async function pagefindEngine(bundleUrl, shardsUrl) {
    const [pagefind, manifest] = await Promise.all([
      import(bundleUrl),
      fetch(shardsUrl).then((response) => {
        if (!response.ok) throw new Error(`search: cannot load ${shardsUrl}`);
        return response.json();
      }),
    ]);
    const siteRoot = new URL("../", bundleUrl);
    const { shards } = manifest;
    const looseOf = (shard) => manifest.loose?.[shard.vocabulary] || [];
    const [primary, ...others] = shards.map((shard) => new URL(shard.bundle, siteRoot).pathname);
    // Shards are named only when one may have to be left out: a filter more is work for every search.
    const someLoose = shards.some((shard) => looseOf(shard).length);
    const named = (i) => (someLoose ? { mergeFilter: { [SHARD_FILTER]: shards[i].id } } : {});
    const hidden = new Set(manifest.shards.map((shard) => shard.hidden).filter(Boolean));
    // Result URLs are site-absolute ("/articles/…"): prefix the path the site is served under.
    const options = { baseUrl: siteRoot.pathname, excerptLength: 30 };
    const joined = async (instance) => {
      for (const [i, basePath] of others.entries()) {
        await instance.mergeIndex(basePath, { ...options, ...named(i + 1), indexWeight: 1 + (i + 1) * SHARD_MARK });
      }
      return instance;
    };
    const finder = await joined(
      pagefind.createInstance({ ...options, ...named(0), basePath: primary, noWorker: true }),
    );
    warmUpSegmenter();
    let counter = null;
    let counterReady = null;
    let allTotals = null;
    let last = null;
    let counting = Promise.resolve();
    /**
     * Counts of every filter value over the last search (Pagefind's filters and totalFilters), or null when
     * a newer search came first. Counts run one at a time and skip superseded searches, so typing does not
     * queue up counts the worker would work through one by one.
     */
    const countsOfLast = () => {
      const asked = last;
      const counts = counting.then(async () => {
        if (asked !== last) return null;
        const counted = await counter.search(asked.text, { filters: asked.selected });
        return { filters: counted.filters, totalFilters: counted.totalFilters };
      });
      counting = counts.catch(() => null);
      return counts;
    };
    return {
      /** Filter names in Pagefind's order (by name), as the page lists them. */
      filterNames: (root.dataset.filters || "").split(" ").filter(Boolean),
      async loadFilter() {
        counterReady ??= (async () => {
          const instance = await joined(pagefind.createInstance({ ...options, ...named(0), basePath: primary }));
          allTotals = await instance.filters();
          counter = instance;
        })();
        await counterReady;
      },
      totals() {
        return allTotals || {};
      },
      /** Counts over the last search, or null when there is none (they arrive after its results). */
      lastCounts() {
        return last && counter ? countsOfLast() : null;
      },
      /** Fetches the index chunks a query needs while the typing pause runs (as Pagefind's debouncedSearch does). */
      preload(text) {
        finder.preload(text).catch(() => {});
      },
      async search(text, selected, sort) {
        const lacking = shardsLacking(text, shards, looseOf);
        if (lacking.length === shards.length) {
          // No shard can complete a term (cannot happen: the shards indexed last know every word).
          last = null;
          return { counts: null, results: [] };
        }
        const filters = lacking.length
          ? { ...selected, [SHARD_FILTER]: { any: shards.map((s) => s.id).filter((id) => !lacking.includes(id)) } }
          : selected;
        const found = await finder.search(text, { filters, sort });
        last = { text, selected: filters };
        return {
          counts: counter ? countsOfLast() : null,
          results: orderResults(found.results, sort, hidden).map(
            (result) => async () => pagefindResult(await result.data()),
          ),
        };
      },
    };
  }

  // ───────── from disk: the fallback index (terms made by search-terms.js, as at build time) ─────────

  const { stem, words, tokenize } = window.__archiveTerms;

  /** Query terms; the last is a prefix while it is being typed (no space after it). */
  function parseQuery(text) {
    const typed = words(text);
    const terms = [...new Set(typed.map(stem))];
    // The last word, while typed, also matches the words it begins ("balo" → "balochistan").
    const prefix = typed.length > 0 && !/\s$/.test(text) ? stem(typed[typed.length - 1]) : null;
    return { terms, prefix };
  }

  /** The engine: search(text, filters, sort) → { results: [load()], filters, totalFilters }, like Pagefind's. */
  function offlineEngine(metaUrl) {
    const base = new URL(".", metaUrl);
    const state = { meta: null, terms: new Map(), docs: new Map(), filters: new Map() };
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
      addFilter(name, values) {
        state.filters.set(name, values);
      },
    };
    const load = (file) => {
      if (!loading.has(file)) loading.set(file, loadScript(new URL(file, base).href));
      return loading.get(file);
    };

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
    /** name → Map(value → doc ids), for the filters loaded so far. */
    const filterDocs = new Map();
    /** The articles of the last search, before and after its filters. */
    let last = null;

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
        const names = isPrefix
          ? Object.keys(shard).filter((t) => t.startsWith(term))
          : Object.hasOwn(shard, term)
            ? [term]
            : [];
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

    /** About 30 words around the first hit, the hits in <mark> (Pagefind's excerpt, as HTML-free segments). */
    function excerptOf(text, terms, prefix) {
      const all = [...text.matchAll(/\S+/g)].map((m) => m[0]);
      const hit = (word) => tokenize(word).some((t) => terms.includes(t) || (prefix !== null && t.startsWith(prefix)));
      const first = all.findIndex(hit);
      const start = Math.max(0, first - 8);
      const window = all.slice(start, start + 30);
      const segments = [];
      window.forEach((word, i) => {
        segments.push([word, hit(word)]);
        if (i < window.length - 1) segments.push([" ", false]);
      });
      return segments;
    }

    /** value → count over `docs`, for each loaded filter; values in the order of the filter file. */
    function countsOver(docs) {
      const counts = {};
      for (const [name, map] of filterDocs) {
        counts[name] = {};
        for (const [value, ids] of map)
          counts[name][value] = docs ? ids.filter((id) => docs.has(id)).length : ids.length;
      }
      return counts;
    }

    /** The query's terms, once the index files that hold them are loaded. */
    async function loadTerms(text) {
      const query = parseQuery(text);
      const { terms, prefix } = query;
      await Promise.all(terms.flatMap((term) => keysFor(term, term === prefix).map((key) => load(shardFile(key)))));
      return query;
    }

    return {
      /** Filter names in Pagefind's order, each with its number of values. */
      filterNames: [],
      async init() {
        await load(new URL(metaUrl).pathname.split("/").pop());
        meta = state.meta;
        if (!meta) throw new Error("search index: meta.js did not register");
        keys = meta.keys;
        lengths = meta.lengths.split(",").map((n) => Number.parseInt(n, 36));
        dates = meta.dates.split(",");
        averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
        this.filterNames = meta.filters.map((f) => f.name);
      },

      /** Loads one filter's values (f-<name>.js) on first use. */
      async loadFilter(name) {
        if (filterDocs.has(name)) return;
        await load(`f-${name}.js`);
        const values = state.filters.get(name) || [];
        // Built as an object, like Pagefind's filter counts, so the values keep the same order (numeric
        // keys such as years first, ascending).
        const byValue = {};
        for (const [value, ids] of values) byValue[value] = decodeIds(ids);
        filterDocs.set(name, new Map(Object.entries(byValue)));
      },

      /** Counts of every value of the loaded filters over all articles (Pagefind's filters()). */
      totals() {
        return countsOver(null);
      },

      /** Counts of the loaded filters over the last search: { filters, totalFilters }, as search gives them. */
      lastCounts() {
        return last ? { filters: countsOver(last.docs), totalFilters: countsOver(last.unfiltered) } : null;
      },

      /** Loads the term files a query needs while the typing pause runs. */
      preload(text) {
        loadTerms(text).catch(() => {});
      },

      async search(text, selected, sort) {
        const { terms, prefix } = await loadTerms(text);
        await Promise.all(Object.keys(selected).map((name) => this.loadFilter(name)));
        let scores = null;
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
        scores = scores || new Map();
        const unfiltered = new Set(scores.keys());
        // Like Pagefind's filters given as arrays: an article must carry every value selected.
        for (const [name, values] of Object.entries(selected)) {
          for (const value of values) {
            const allowed = new Set(filterDocs.get(name)?.get(value) || []);
            for (const doc of [...scores.keys()]) if (!allowed.has(doc)) scores.delete(doc);
          }
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
        last = { docs: new Set(docs), unfiltered };
        return {
          counts: { filters: countsOver(last.docs), totalFilters: countsOver(last.unfiltered) },
          results: docs.map((doc) => async () => {
            const shard = Math.floor(doc / meta.docShard);
            await load(`d${shard}.js`);
            const [path, title, date, dateLabel, outlet, body] = state.docs.get(shard)[doc - shard * meta.docShard];
            return {
              url: new URL(`../../${path}`, base).href,
              title,
              date,
              dateLabel,
              outlet,
              excerpt: excerptOf(body, terms, prefix),
            };
          }),
        };
      },
    };
  }

  // ───────── the page: the Component UI's markup, drawn for either engine ─────────
  // Mirrors <pagefind-input>, <pagefind-summary>, <pagefind-results> and <pagefind-filter-pane> of
  // pagefind-component-ui.js, whose stylesheet the page uses: keep the two in step when Pagefind changes.

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === true) node.setAttribute(name, "");
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  };

  async function startSearchPage(engine, engineName) {
    // Screen-reader announcements, like the Component UI's announcer.
    const announcer = el("div", {
      role: "status",
      "aria-live": "polite",
      "aria-atomic": "true",
      "data-pf-sr-hidden": true,
    });
    document.body.append(el("div", { "data-pagefind-announcer": true }, announcer));
    const announce = (text) => {
      announcer.textContent = "";
      setTimeout(() => {
        announcer.textContent = text;
      }, 100);
    };

    // <pagefind-input>
    const inputHost = root.querySelector("pagefind-input");
    const input = el("input", {
      id: "pf-input",
      class: "pf-input",
      type: "search",
      autocomplete: "off",
      autocapitalize: "none",
      enterkeyhint: "search",
      placeholder: inputHost.getAttribute("placeholder") || "Search",
      "aria-describedby": "pf-input-hint",
    });
    const clear = el("button", { class: "pf-input-clear", type: "button", "data-pf-suppressed": "true" }, "Clear");
    inputHost.replaceChildren(
      el(
        "search",
        { class: "pf-input-wrapper", role: "search", "aria-label": "Search this site" },
        el("label", { for: "pf-input", "data-pf-sr-hidden": "true" }, "Search this site"),
        input,
        el("span", { id: "pf-input-hint", "data-pf-sr-hidden": "true" }, "Results will appear as you type"),
        clear,
      ),
    );

    // <pagefind-summary>
    const summary = el("div", { class: "pf-summary" });
    root.querySelector("pagefind-summary").replaceChildren(summary);

    // <pagefind-results>
    const list = el("ul", { class: "pf-results", "aria-label": "Search results", "aria-busy": "false" });
    resultsHost.replaceChildren(list);

    // <pagefind-filter-pane>: groups closed; a group's values load when it is first opened.
    const pane = el("div", { class: "pf-filter-pane" });
    root.querySelector("pagefind-filter-pane").replaceChildren(pane);
    const groups = new Map();
    for (const name of engine.filterNames) {
      const title = name.charAt(0).toUpperCase() + name.slice(1);
      const count = el("span", { class: "pf-filter-group-count", "aria-hidden": "true", "data-pf-hidden": "true" });
      const options = el("div", { class: "pf-filter-options" });
      const details = el(
        "details",
        { class: "pf-filter-group", "data-filter-name": name },
        el("summary", { class: "pf-filter-group-title" }, el("span", { class: "pf-filter-group-name" }, title), count),
        el("fieldset", { class: "pf-filter-fieldset" }, el("legend", { "data-pf-sr-hidden": "" }, title), options),
      );
      const group = { details, count, options, boxes: new Map(), loaded: null };
      groups.set(name, group);
      details.addEventListener("toggle", () => {
        if (details.open) openGroup(name).catch(failed);
      });
      pane.append(details);
    }

    const selected = {}; // name → Set of values
    let searched = false; // results of a term are on screen
    let counts = { available: {}, total: {} };
    let sequence = 0;
    let observer = null;
    let timer;

    function drawGroup(name) {
      const group = groups.get(name);
      if (!group.loaded) return;
      const available = counts.available[name] || group.loaded;
      const total = counts.total[name] || group.loaded;
      const chosen = selected[name] || new Set();
      let visible = 0;
      for (const [value, { label, box, number }] of group.boxes) {
        const isSelected = chosen.has(value);
        const offered = (available[value] || 0) > 0 || isSelected;
        number.textContent = String(isSelected ? (total[value] ?? 0) : (available[value] ?? 0));
        label.toggleAttribute("data-pf-hidden", !offered);
        box.checked = isSelected;
        if (offered) visible++;
      }
      group.details.toggleAttribute("data-pf-hidden", visible === 0);
    }

    function drawSelectedCount(name) {
      const { count } = groups.get(name);
      const n = selected[name]?.size || 0;
      if (n > 0) {
        count.textContent = String(n);
        count.removeAttribute("data-pf-hidden");
      } else count.setAttribute("data-pf-hidden", "true");
    }

    async function openGroup(name) {
      const group = groups.get(name);
      if (group.opening) return group.opening;
      group.opening = fillGroup(name, group);
      return group.opening;
    }

    async function fillGroup(name, group) {
      await engine.loadFilter(name);
      const onScreen = searched ? await engine.lastCounts() : null;
      group.loaded = engine.totals()[name] || {};
      if (onScreen) {
        // A search is on screen: count this filter's values over its results.
        counts.available[name] = onScreen.filters[name];
        counts.total[name] = onScreen.totalFilters[name];
      }
      const labels = document.createDocumentFragment();
      let i = 0;
      for (const value of Object.keys(group.loaded)) {
        const id = `pf-filter-${name}-${i++}`;
        const box = el("input", { type: "checkbox", class: "pf-checkbox-input", id, name, value });
        const number = el("span", { class: "pf-filter-checkbox-count" });
        const label = el("label", { class: "pf-filter-checkbox", for: id }, box, value, number);
        box.addEventListener("change", () => {
          if (!selected[name]) selected[name] = new Set();
          if (box.checked) selected[name].add(value);
          else selected[name].delete(value);
          if (selected[name].size === 0) delete selected[name];
          drawSelectedCount(name);
          run().catch(failed);
        });
        group.boxes.set(value, { label, box, number });
        labels.append(label);
      }
      drawGroup(name);
      group.options.append(labels);
    }

    const resultItem = (result) =>
      el(
        "li",
        { class: "pf-result" },
        el(
          "div",
          { class: "pf-result-card" },
          el(
            "div",
            { class: "pf-result-content" },
            el("p", { class: "pf-result-title" }, el("a", { class: "pf-result-link", href: result.url }, result.title)),
            el(
              "p",
              { class: "search-result-meta" },
              result.date ? el("time", { datetime: result.date }, result.dateLabel || result.date) : "Undated",
              ...(result.outlet ? [` · ${result.outlet}`] : []),
            ),
            ...(result.excerpt.length
              ? [
                  el(
                    "p",
                    { class: "pf-result-excerpt" },
                    ...result.excerpt.map(([text, marked]) => (marked ? el("mark", {}, text) : text)),
                  ),
                ]
              : []),
          ),
        ),
      );
    const placeholder = () =>
      el(
        "li",
        { class: "pf-result", "aria-hidden": "true" },
        el(
          "div",
          { class: "pf-result-card" },
          el("div", { class: "pf-skeleton pf-skeleton-image" }),
          el(
            "div",
            { class: "pf-result-content" },
            el("p", { class: "pf-result-title pf-skeleton pf-skeleton-title" }),
            el("p", { class: "pf-result-excerpt pf-skeleton pf-skeleton-excerpt" }),
          ),
        ),
      );

    /** Results found by the last search; the first `shown` of them are drawn. */
    let resultLoaders = [];
    let shown = RESULTS_PAGE;
    /** Placeholder element → [result index, loader], for the placeholders not yet in view. */
    let pending = new Map();

    /**
     * Like the Component UI, a placeholder per result shown, each filled when it scrolls into view; `first`:
     * the data of the first results, fetched before drawing, drawn filled.
     */
    function drawResults(loaders, first = []) {
      observer?.disconnect();
      list.replaceChildren();
      list.setAttribute("aria-busy", "false");
      resultLoaders = loaders;
      shown = RESULTS_PAGE;
      pending = new Map();
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting || !pending.has(entry.target)) continue;
            const [index, loadResult] = pending.get(entry.target);
            pending.delete(entry.target);
            observer.unobserve(entry.target);
            const slot = entry.target;
            loadResult()
              .then((result) => {
                const item = resultItem(result);
                item.setAttribute("data-pf-result-index", String(index));
                slot.replaceWith(item);
              })
              .catch(failed);
          }
        },
        { rootMargin: "50px", threshold: 0.01 },
      );
      first.forEach((result, index) => {
        const item = resultItem(result);
        item.setAttribute("data-pf-result-index", String(index));
        list.append(item);
      });
      drawPlaceholders(first.length);
    }

    function drawPlaceholders(from) {
      resultLoaders.slice(from, shown).forEach((loadResult, offset) => {
        const index = from + offset;
        const slot = placeholder();
        slot.setAttribute("data-pf-result-index", String(index));
        pending.set(slot, [index, loadResult]);
        list.append(slot);
        observer.observe(slot);
      });
      moreButton.hidden = resultLoaders.length <= shown;
    }

    moreButton.addEventListener("click", () => {
      const from = shown;
      shown += RESULTS_PAGE;
      drawPlaceholders(from);
    });

    const resultsText = (n, term) =>
      n === 0 ? `No results for ${term}` : `${n} ${n === 1 ? "result" : "results"} for ${term}`;

    async function run() {
      const mine = ++sequence;
      const text = input.value;
      searching();
      if (text.trim() === "") {
        // Like the Component UI (not in faceted mode): no term, no results; the filters count everything.
        searched = false;
        counts = { available: {}, total: {} };
        drawResults([]);
        summary.textContent = "";
      } else {
        summary.textContent = `Searching for ${text}...`;
        list.setAttribute("aria-busy", "true");
        const filters = Object.fromEntries(Object.entries(selected).map(([name, values]) => [name, [...values]]));
        const sort = sortOf(sortSelect.value);
        const found = await engine.search(text, filters, sort);
        if (mine !== sequence) return;
        // The first results come filled, not as placeholders that wait a frame to ask for their data.
        const first = await Promise.all(found.results.slice(0, FILLED_AT_ONCE).map((load) => load()));
        if (mine !== sequence) return;
        searched = true;
        drawResults(found.results, first);
        const n = found.results.length;
        summary.textContent = resultsText(n, text);
        announce(resultsText(n, text));
        // Filter counts: with the results from disk; after them from Pagefind, once a filter group is open.
        const counted = await found.counts;
        if (mine !== sequence) return;
        counts = counted ? { available: counted.filters, total: counted.totalFilters } : { available: {}, total: {} };
      }
      for (const name of groups.keys()) {
        drawGroup(name);
        drawSelectedCount(name);
      }
      done(text);
    }

    input.addEventListener("input", () => {
      clear.toggleAttribute("data-pf-suppressed", input.value === "");
      clearTimeout(timer);
      if (input.value.trim() !== "") engine.preload(input.value);
      timer = setTimeout(() => run().catch(failed), TYPING_PAUSE_MS);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    clear.addEventListener("click", () => {
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.focus();
    });
    sortSelect.addEventListener("change", () => run().catch(failed));

    root.dataset.engine = engineName;
    root.dataset.state = "ready";
    const q = initialQuery();
    if (q) {
      input.value = q;
      clear.removeAttribute("data-pf-suppressed");
      await run();
    }
  }

  // ───────── start ─────────

  async function start() {
    if (location.protocol !== "file:") {
      let engine = null;
      try {
        engine = await pagefindEngine(urlOf("pagefind"), urlOf("shards"));
      } catch {
        // A server without the MIME types JS modules and wasm need cannot serve Pagefind: use the fallback.
      }
      if (engine) return startSearchPage(engine, "pagefind");
    }
    const engine = offlineEngine(urlOf("offlineIndex"));
    await engine.init();
    return startSearchPage(engine, "offline");
  }

  function failed() {
    document.querySelector(".search-error")?.removeAttribute("hidden");
    root.dataset.state = "error";
  }

  start().catch(failed);
})();
