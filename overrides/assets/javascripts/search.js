/* 基层治理实践库: the site's search (see scripts/govcat/site/search/ for the index it reads).
 * A dialog opened from the header button or with "/": it loads only the pieces of the index a
 * query needs, as data scripts (site.js: catalog.load, so it also works opened from file://),
 * splits a Chinese query with the words of the index, ranks pages, narrows them by facets and
 * shows snippets. The hash of the buckets, the token and Han patterns, the normalisation, the
 * index's folder and format are the rules Python hands over (rules.js), never restated here.
 * When a piece cannot be loaded the reader is told, and the next query tries again.
 * Record text is only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";

  var SHOWN_AT_ONCE = 10;
  var PREFIX_FACTOR = 0.6;      // a word that merely starts with the query term counts less
  var SINGLE_COST = 1.5;        // splitting a query: a lone character costs more than a word
  var RELATED_FACTOR = 0.4;     // a related word (相关说法) counts less than the reader's own
  var UNAVAILABLE = "搜索暂时不可用，请刷新页面";
  var RULES = window.catalog.rules().search;
  var TOKEN = new RegExp(RULES.token, "gu");
  var IS_HAN = new RegExp("^" + RULES.han, "u");
  var DIGITS = RULES.digits.alphabet;
  var BASE = DIGITS.length / 2;

  /* ---- Lists of numbers written as digits (scripts/govcat/site/search/digits.py): base BASE,
   * the last digit of each number from the first half of the alphabet, the ones before it from
   * the second half. A page set is gaps between its pages, or runs (gap, length less one) after
   * the runs mark. ---- */
  var DIGIT_VALUES = new Map(Array.from(DIGITS).map(function (c, at) { return [c.charCodeAt(0), at]; }));
  function numbers(text) {
    var found = [];
    var value = 0;
    for (var i = 0; i < text.length; i += 1) {
      var digit = DIGIT_VALUES.get(text.charCodeAt(i));
      value = value * BASE + digit % BASE;
      if (digit < BASE) { found.push(value); value = 0; }
    }
    return found;
  }
  function pagesOf(text) {
    var runs = text.charAt(0) === RULES.digits.runs;
    var list = numbers(runs ? text.slice(1) : text);
    var pages = [];
    var page = 0;
    for (var k = 0; k < list.length; k += runs ? 2 : 1) {
      page += list[k];
      if (!runs) { pages.push(page); continue; }
      for (var last = page + list[k + 1]; page <= last; page += 1) pages.push(page);
    }
    return pages;
  }

  /* ---- Where the site is ---- */
  var siteRoot = window.catalog.root;
  function pageHref(path, terms) {
    var target = location.protocol === "file:" ? path : path.replace(/(^|\/)index\.html$/, "$1");
    var url = new URL(target, siteRoot());
    if (terms.length) url.search = "?h=" + encodeURIComponent(terms.join(" "));
    return url.href;
  }

  /* ---- Loading pieces of the index: each is a data script of kind "search", keyed by its name.
   * Every file but the manifest carries in its name the content hash the manifest gives, so
   * that a manifest never meets the files of another build (w/0 → search/w/0.<hash>.js). ---- */
  var indexVersion = null;
  function load(name) {
    var file = RULES.folder + name + (name === "manifest" ? "" : "." + indexVersion) + ".js";
    return window.catalog.load("search", name, new URL(file, siteRoot()));
  }

  /* ---- The index ---- */
  /* FNV-1a (32 bit) over UTF-16 code units, as the indexer hashes a bucket's key. */
  function hash(key) {
    var value = RULES.hash.offset;
    for (var i = 0; i < key.length; i += 1) {
      value ^= key.charCodeAt(i);
      value = Math.imul(value, RULES.hash.prime) >>> 0;
    }
    return value;
  }
  function Index(manifest) {
    this.manifest = manifest;
    this.split = new Set(Array.from(manifest.split));
    this.stop = new Set(Array.from(manifest.stop));
    this.question = manifest.question;
    this.filler = new Set(manifest.filler || []);
    this.tiers = manifest.tiers || {};
    /* A facet's values and pages (values, pageValues: page -> value positions) arrive with its
     * piece (f/<key>), loaded when first needed. */
    this.facets = manifest.facets.map(function (facet) {
      return { key: facet.key, label: facet.label, values: null, pageValues: null };
    });
    this.kinds = null;  // the facet "kind", once loaded
  }
  /* Load the pieces of the facets named by `keys` that are not loaded yet. */
  Index.prototype.loadFacets = function (keys) {
    var self = this;
    return Promise.all(this.facets.filter(function (facet) {
      return !facet.values && keys.indexOf(facet.key) >= 0;
    }).map(function (facet) {
      return load("f/" + facet.key).then(function (piece) {
        var pageValues = new Map();
        piece.pages.forEach(function (text, at) {
          pagesOf(text).forEach(function (page) {
            if (!pageValues.has(page)) pageValues.set(page, []);
            pageValues.get(page).push(at);
          });
        });
        facet.pageValues = pageValues;
        facet.values = piece.values;
        if (facet.key === "kind") self.kinds = facet;
      });
    }));
  };
  Index.prototype.loaded = function () {
    return this.facets.filter(function (facet) { return facet.values; });
  };
  /* Records first: 0 for practices, regions, standards, policies and terms, 1 for themes, tags
   * and the source text, 2 for lists and the site's own pages (the index says which is which). */
  Index.prototype.tier = function (page) {
    var kinds = this.kinds;
    var at = kinds ? (kinds.pageValues.get(page) || [])[0] : undefined;
    var tier = at === undefined ? undefined : this.tiers[kinds.values[at]];
    return tier === undefined ? 2 : tier;
  };
  Index.prototype.keyOf = function (chars) {
    return chars.length > 1 && this.split.has(chars[0]) ? chars[0] + chars[1] : chars[0];
  };
  /* The bucket holding the words that start with `key`'s characters, as {word: postings}. */
  Index.prototype.bucket = function (key) {
    return load("w/" + (hash(key) % this.manifest.buckets));
  };

  /* The manifest, checked, then the kinds of pages (every ranking needs them): the index to search. */
  function openIndex() {
    return load("manifest").then(function (manifest) {
      if (manifest.format !== RULES.format) throw new Error("搜索索引格式不符：" + manifest.format);
      indexVersion = manifest.version;
      var index = new Index(manifest);
      return index.loadFacets(["kind"]).then(function () { return index; });
    });
  }

  /* ---- Queries ---- */
  function normalise(text) {
    return text.normalize(RULES.normalization).toLowerCase();
  }
  /* The index's tokens of a text (a query), as the indexer cuts page text before its words. */
  function tokens(text) {
    return normalise(text).match(TOKEN) || [];
  }

  /* Ways to read a run of Han characters with the index's words: the run itself when the index
   * has it as a word; a run that only starts some words (the reader may still be typing, or it
   * is a phrase such as 五星支部) is read both as that start and split into words. A split has
   * the fewest pieces, lone characters costing more than words. */
  function readings(index, run, buckets) {
    var chars = Array.from(run);
    var n = chars.length;
    function wordsAt(i) { return buckets[index.keyOf(chars.slice(i))] || {}; }
    function known(i, j) {
      var piece = chars.slice(i, j).join("");
      return has(wordsAt(i), piece) || (j - i > 1 && (has(buckets.related, piece) || index.filler.has(piece)));
    }
    function startsSome(i) {
      var piece = chars.slice(i).join("");
      if (n - i === 1 && index.split.has(chars[i])) return known(i, n);
      return Object.keys(wordsAt(i)).some(function (word) { return word.indexOf(piece) === 0; });
    }
    if (known(0, n)) return [[run]];
    var best = [{ cost: 0, from: -1 }];
    for (var i = 0; i < n; i += 1) {
      if (!best[i]) continue;
      for (var j = i + 1; j <= n; j += 1) {
        var single = j === i + 1;
        if (!(known(i, j) || single || (j === n && i > 0 && startsSome(i)))) continue;
        var cost = best[i].cost + (single ? SINGLE_COST : 1) + (single && !known(i, j) ? 0.5 : 0);
        if (!best[j] || cost < best[j].cost) best[j] = { cost: cost, from: i };
      }
    }
    var pieces = [];
    for (var end = n; end > 0; end = best[end].from) pieces.unshift(chars.slice(best[end].from, end).join(""));
    return startsSome(0) && pieces.length > 1 ? [[run], pieces] : [pieces];
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* Load the buckets of every key a text's tokens need into `buckets` (words by key) and merge
   * what they carry besides words: related words, traditional characters, pinyin, names. With
   * `startsOnly`, only the key each token starts with (a name is found by its whole pinyin). */
  function loadKeys(index, texts, buckets, startsOnly) {
    var keys = new Set();
    texts.forEach(function (token) {
      var chars = Array.from(token);
      for (var i = 0; i < (startsOnly ? Math.min(1, chars.length) : chars.length); i += 1) {
        keys.add(index.keyOf(chars.slice(i)));
        if (index.split.has(chars[i])) keys.add(chars[i]);
      }
    });
    var names = Array.from(keys).filter(function (key) { return !has(buckets, key); });
    return Promise.all(names.map(function (key) { return index.bucket(key); })).then(function (loaded) {
      names.forEach(function (key, at) {
        var bucket = loaded[at];
        buckets[key] = bucket.w || {};
        ["r", "t", "p", "n"].forEach(function (section) { Object.assign(buckets.extra[section], bucket[section] || {}); });
      });
      buckets.related = buckets.extra.r;
      return buckets;
    });
  }

  /* A query in traditional characters, written as the index writes it (樓院 → 楼院). */
  function simplified(buckets, text) {
    return Array.from(text).map(function (c) { return has(buckets.extra.t, c) ? buckets.extra.t[c] : c; }).join("");
  }

  /* The catalog's names that sound like a token: zhengzhou → 郑州, 汴杰办 → 汴捷办. */
  function soundsLike(buckets, token) {
    var spoken = spokenAs(buckets, token);
    return spoken && has(buckets.extra.n, spoken) ? buckets.extra.n[spoken] : [];
  }
  /* A token's pinyin ("" when a character's is not known); a Latin token is its own. */
  function spokenAs(buckets, token) {
    if (!IS_HAN.test(token)) return token;
    var spoken = Array.from(token).map(function (c) { return buckets.extra.p[c] || "?"; }).join("");
    return spoken.indexOf("?") < 0 ? spoken : "";
  }

  /* The index words related to a term (相关说法), those the reader did not type. */
  function relatedOf(buckets, term) {
    return has(buckets.related, term) ? buckets.related[term] : [];
  }

  /* What a query asks for: for each of its tokens, the ways to read it (lists of terms, each
   * term to be found as an index word or the start of one), and every term, for marking hits. */
  function analyse(index, query) {
    var buckets = { extra: { r: {}, t: {}, p: {}, n: {} }, related: {} };
    var found = tokens(withoutQuestionWords(index, query));
    return loadKeys(index, found, buckets).then(function () {
      var written = found.map(function (token) { return simplified(buckets, token); });
      var converted = written.join(" ") !== found.join(" ");
      found = written;
      return converted ? loadKeys(index, found, buckets) : buckets;
    }).then(function () {
      return loadKeys(index, found.map(function (token) { return spokenAs(buckets, token); }).filter(Boolean), buckets, true);
    }).then(function () {
      var groups = found.map(function (token) { return waysOf(index, token, buckets); });
      var sounds = [];
      found.forEach(function (token, at) {
        soundsLike(buckets, token).forEach(function (name) {
          if (name === token) return;
          groups[at].push([name]);
          if (sounds.indexOf(name) < 0) sounds.push(name);
        });
      });
      groups = withoutFiller(index, groups.filter(function (ways) { return ways.length; }));
      var parts = [];
      found.forEach(function (token) {
        partsOf(index, token, buckets).forEach(function (part) { if (parts.indexOf(part) < 0) parts.push(part); });
      });
      var terms = [];
      groups.forEach(function (ways) {
        ways.forEach(function (way) { way.forEach(function (term) { if (terms.indexOf(term) < 0) terms.push(term); }); });
      });
      var related = [];
      terms.concat(parts).forEach(function (term) {
        relatedOf(buckets, term).forEach(function (word) { if (related.indexOf(word) < 0 && terms.indexOf(word) < 0) related.push(word); });
      });
      var characters = [];
      found.forEach(function (token) {
        Array.from(token).forEach(function (c) { if (IS_HAN.test(c) && !index.stop.has(c) && characters.indexOf(c) < 0) characters.push(c); });
      });
      return loadKeys(index, related.concat(sounds), buckets).then(function () {
        return { groups: groups, terms: terms, parts: parts, related: related, sounds: sounds, characters: characters, buckets: buckets };
      });
    });
  }

  /* The readings of one token, without its stop words. */
  function waysOf(index, token, buckets) {
    return (IS_HAN.test(token) ? readings(index, token, buckets) : [[token]]).map(function (way) {
      return way.filter(function (term) { return !index.stop.has(term); });
    }).filter(function (way) { return way.length; });
  }

  /* Filler (几个, 不到, 地方 …) never decides a ranking: it is left out of every reading, unless
   * the query has nothing else. */
  function withoutFiller(index, groups) {
    var kept = groups.map(function (ways) {
      return ways.map(function (way) {
        return way.filter(function (term) { return !index.filler.has(term); });
      }).filter(function (way) { return way.length; });
    }).filter(function (ways) { return ways.length; });
    return kept.length ? kept : groups;
  }

  /* A question asks for what its content words name: 怎么选好村支书 is a search for 选好村支书. */
  function withoutQuestionWords(index, query) {
    return index.question.reduce(function (text, word) { return text.split(word).join(" "); }, query);
  }

  /* The index's words of two or more characters inside a token, the longest ones: the words
   * to try one by one when no page has them all (挂牌太多 → 挂牌). A lone character between
   * such words (or filler) is a word of its own (说 of 群众有事找谁说). */
  function partsOf(index, token, buckets) {
    var chars = Array.from(token);
    var found = [];
    var covered = chars.map(function (c) { return index.filler.has(c) || index.stop.has(c); });
    for (var i = 0; i < chars.length; i += 1) {
      var words = buckets[index.keyOf(chars.slice(i))] || {};
      for (var j = chars.length; j >= i + 2; j -= 1) {
        var piece = chars.slice(i, j).join("");
        var filler = index.filler.has(piece);
        if (!(has(words, piece) || has(buckets.related, piece) || filler) || index.stop.has(piece)) continue;
        for (var k = i; k < j; k += 1) covered[k] = true;
        if (!filler) found.push({ from: i, to: j, word: piece });
        break;
      }
    }
    var parts = found.filter(function (part) {
      return !found.some(function (other) { return other !== part && other.from <= part.from && other.to >= part.to; });
    });
    var lone = [];
    chars.forEach(function (c, at) {
      var alone = !covered[at] && (at === 0 || covered[at - 1]) && (at === chars.length - 1 || covered[at + 1]);
      if (alone && found.length && IS_HAN.test(c) && !index.stop.has(c) && !index.filler.has(c)) lone.push(at);
    });
    var partners = lone.map(function (at) { return pairOf(index, chars, at, lone, buckets); });
    lone.forEach(function (at, n) {
      if (partners[n] < 0 && partners.indexOf(at) >= 0) return;  // the second character of a pair
      parts.push({ from: at, word: partners[n] >= 0 ? chars[at] + chars[partners[n]] : chars[at] });
    });
    return parts.sort(function (a, b) { return a.from - b.from; }).map(function (part) { return part.word; });
  }

  /* Two lone characters of a query that make an index word together, in either order: 说 and 事
   * of 有事找谁说 are 说事. The position of the partner, or -1. */
  function pairOf(index, chars, at, lone, buckets) {
    var words = buckets[index.keyOf(chars.slice(at))] || {};
    for (var k = 0; k < lone.length; k += 1) {
      if (lone[k] !== at && has(words, chars[at] + chars[lone[k]])) return lone[k];
    }
    return -1;
  }

  /* page -> score of one term: the best of the index words it matches. A lone character split
   * off a longer query (过 of 挂牌过多) is a word only as itself, not the start of every word. */
  function termScores(index, term, buckets, alone) {
    var scores = wordScores(index, term, buckets, alone);
    relatedOf(buckets, term).forEach(function (word) {
      wordScores(index, word, buckets, true).forEach(function (score, page) {
        score *= RELATED_FACTOR;
        if (!(scores.get(page) >= score)) scores.set(page, score);
      });
    });
    return scores;
  }

  /* page -> score of the index words a term matches (itself, or words it starts). */
  function wordScores(index, term, buckets, alone) {
    var chars = Array.from(term);
    var words = buckets[index.keyOf(chars)] || {};
    var exactOnly = chars.length === 1 && (index.split.has(chars[0]) || !alone);
    var scores = new Map();
    Object.keys(words).forEach(function (word) {
      var factor = word === term ? 1 : (!exactOnly && word.indexOf(term) === 0 ? PREFIX_FACTOR * term.length / word.length : 0);
      if (!factor) return;
      if (typeof words[word] === "string") words[word] = numbers(words[word]);  // read once, when first needed
      var list = words[word];
      var page = 0;
      for (var k = 0; k < list.length; k += 2) {
        page += list[k];
        var score = list[k + 1] * factor;
        if (!(scores.get(page) >= score)) scores.set(page, score);
      }
    });
    var total = index.manifest.pages;
    var idf = Math.log(1 + (total - scores.size + 0.5) / (scores.size + 0.5));
    scores.forEach(function (score, page) { scores.set(page, score * idf); });
    return scores;
  }

  /* page -> score for pages holding every map's pages: the sum of their scores. */
  function intersect(maps) {
    if (!maps.length) return new Map();
    maps = maps.slice().sort(function (a, b) { return a.size - b.size; });
    var found = new Map();
    maps[0].forEach(function (first, page) {
      var score = first;
      for (var m = 1; m < maps.length; m += 1) {
        var other = maps[m].get(page);
        if (other === undefined) return;
        score += other;
      }
      found.set(page, score);
    });
    return found;
  }

  /* Pages with some of the words, those with more of them first, then by score: for a query no
   * page answers whole. */
  function rankAny(index, words, buckets) {
    var found = new Map();
    words.forEach(function (word) {
      termScores(index, word, buckets, true).forEach(function (score, page) {
        var entry = found.get(page) || { page: page, score: 0, words: 0 };
        entry.score += score;
        entry.words += 1;
        found.set(page, entry);
      });
    });
    return Array.from(found.values()).sort(function (a, b) {
      return b.words - a.words || index.tier(a.page) - index.tier(b.page) || b.score - a.score || a.page - b.page;
    });
  }

  /* Records first, then by score. */
  function byTier(index, results) {
    return results.sort(function (a, b) {
      return index.tier(a.page) - index.tier(b.page) || b.score - a.score || a.page - b.page;
    });
  }

  /* When nothing matches even in part: the records sharing most characters with the query. */
  function nearest(index, characters, buckets) {
    return rankAny(index, characters, buckets).filter(function (r) { return index.tier(r.page) === 0; })
      .slice(0, 2 * SHOWN_AT_ONCE)
      .map(function (r) { return { page: r.page, score: r.score, partial: true, nearest: true }; });
  }

  /* Pages that answer every token of the query (by any of its readings), best first. */
  function rank(index, groups, buckets) {
    var perToken = groups.map(function (ways) {
      var best = new Map();
      ways.forEach(function (way) {
        var alone = way.length === 1;
        intersect(way.map(function (term) { return termScores(index, term, buckets, alone); })).forEach(function (score, page) {
          if (!(best.get(page) >= score)) best.set(page, score);
        });
      });
      return best;
    });
    var results = [];
    intersect(perToken).forEach(function (score, page) { results.push({ page: page, score: score }); });
    return byTier(index, results);
  }

  /* The results of an analysed query: pages with every word first; while they are few, then
   * pages with some of the words; when there are none, the nearest records. */
  function answer(index, found) {
    var whole = rank(index, found.groups, found.buckets);
    var seen = new Set(whole.map(function (r) { return r.page; }));
    var partial = whole.length >= SHOWN_AT_ONCE ? [] : rankAny(index, found.parts, found.buckets)
      .filter(function (r) { return !seen.has(r.page); })
      .map(function (r) { return { page: r.page, score: r.score, partial: true }; });
    var results = whole.concat(partial);
    return { results: results.length ? results : nearest(index, found.characters, found.buckets), whole: whole.length };
  }

  /* What the tests call: the shared rules (tests/browser/test_rules.py), and the ranking on a
   * small index of its own (tests/browser/test_search_ranking.py). */
  window.catalog.search = {
    hash: hash, normalise: normalise, tokens: tokens, isHan: function (token) { return IS_HAN.test(token); },
    openIndex: openIndex, analyse: analyse, readings: readings, rank: rank, answer: answer
  };

  /* ---- Facets ---- */
  function passes(index, page, selected, except) {
    return index.loaded().every(function (facet) {
      var chosen = selected[facet.key];
      if (facet.key === except || !chosen || !chosen.size) return true;
      return (facet.pageValues.get(page) || []).some(function (v) { return chosen.has(facet.values[v]); });
    });
  }
  function counts(index, results, selected, facet) {
    var found = facet.values.map(function () { return 0; });
    results.forEach(function (result) {
      if (!passes(index, result.page, selected, facet.key)) return;
      (facet.pageValues.get(result.page) || []).forEach(function (v) { found[v] += 1; });
    });
    return found;
  }

  /* ---- Showing text with the terms marked ---- */
  function marked(parent, text, terms) {
    var pattern = terms.length ? new RegExp(terms.map(escapeRegExp).join("|"), "gi") : null;
    var at = 0;
    if (pattern) {
      text.replace(pattern, function (hit, offset) {
        if (offset > at) parent.appendChild(document.createTextNode(text.slice(at, offset)));
        parent.appendChild(document.createElement("mark")).textContent = hit;
        at = offset + hit.length;
        return hit;
      });
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }
  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  /* About 90 characters of the text around the place where most terms appear close together. */
  function snippet(text, terms) {
    var folded = normalise(text);
    var best = 0;
    var bestHits = -1;
    var starts = [];
    terms.forEach(function (term) {
      for (var at = folded.indexOf(term); at >= 0 && starts.length < 200; at = folded.indexOf(term, at + 1)) starts.push(at);
    });
    starts.forEach(function (place) {
      var hits = terms.filter(function (term) { var at = folded.indexOf(term, Math.max(0, place - 30)); return at >= 0 && at < place + 60; }).length;
      if (hits > bestHits) { bestHits = hits; best = place; }
    });
    var from = Math.max(0, best - 30);
    var piece = text.slice(from, from + 90);
    return (from > 0 ? "…" : "") + piece + (from + 90 < text.length ? "…" : "");
  }

  /* ---- The dialog ---- */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function SearchDialog() {
    this.index = null;
    this.ready = null;
    this.query = "";
    this.answered = null;
    this.results = [];
    this.whole = 0;
    this.parts = [];
    this.related = [];
    this.sounds = [];
    this.terms = [];
    this.selected = readFacets();
    this.shown = 0;
    this.build();
  }

  SearchDialog.prototype.build = function () {
    var self = this;
    var opener = element("button", "catalog-search-open");
    opener.type = "button";
    opener.setAttribute("aria-haspopup", "dialog");
    opener.setAttribute("aria-keyshortcuts", "/");
    opener.title = "搜索（快捷键 /）";
    opener.appendChild(element("span", "catalog-search-open__icon")).setAttribute("aria-hidden", "true");
    opener.appendChild(element("span", "catalog-search-open__label", "搜索"));
    opener.appendChild(element("kbd", "catalog-search-open__key", "/")).setAttribute("aria-hidden", "true");
    opener.addEventListener("click", function () { self.open(); });
    var header = document.querySelector(".md-header__inner");
    if (header) header.insertBefore(opener, header.querySelector(".md-header__option") || null);
    this.opener = opener;

    var dialog = element("dialog", "catalog-search");
    dialog.setAttribute("aria-label", "搜索本库");
    var bar = dialog.appendChild(element("div", "catalog-search__bar"));
    var input = bar.appendChild(element("input", "catalog-search__input"));
    input.type = "search";
    input.setAttribute("aria-label", "搜索词");
    input.placeholder = "输入关键词，如 楼院、减负、五星支部";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("enterkeyhint", "search");
    var close = bar.appendChild(element("button", "catalog-search__close", "关闭"));
    close.type = "button";
    close.title = "关闭搜索（Esc）";
    close.addEventListener("click", function () { dialog.close(); });
    this.status = dialog.appendChild(element("p", "catalog-search__status"));
    this.status.setAttribute("role", "status");
    /* Where to look when a query finds nothing at all. */
    this.help = dialog.appendChild(element("p", "catalog-search__help"));
    this.help.hidden = true;
    [["术语表", RULES.help.glossary], ["主题列表", RULES.help.themes]].forEach(function (entry, at) {
      if (at) self.help.appendChild(document.createTextNode("　"));
      var link = self.help.appendChild(element("a", null, entry[0]));
      link.href = pageHref(entry[1], []);
    });
    var body = dialog.appendChild(element("div", "catalog-search__body"));
    /* Filters beside the results; on a phone, folded above them until asked for. */
    this.filters = body.appendChild(element("details", "catalog-search__facets"));
    this.filters.open = !window.matchMedia("(max-width: 44.9844em)").matches;
    this.filtersLabel = this.filters.appendChild(element("summary", null, "筛选结果"));
    this.filters.addEventListener("toggle", function () { self.showFacets(); });
    this.facetBox = this.filters.appendChild(element("div"));
    this.facetBox.setAttribute("role", "group");
    this.facetBox.setAttribute("aria-label", "筛选结果");
    var main = body.appendChild(element("div", "catalog-search__main"));
    this.list = main.appendChild(element("ol", "catalog-search__results"));
    this.list.setAttribute("aria-label", "搜索结果");
    this.more = main.appendChild(element("button", "catalog-search__more", "显示更多结果"));
    this.more.type = "button";
    this.more.hidden = true;
    this.more.addEventListener("click", function () { self.showMore(true); });
    document.body.appendChild(dialog);
    this.dialog = dialog;
    this.input = input;

    input.addEventListener("input", function (event) { if (!event.isComposing) self.ask(input.value); });
    input.addEventListener("compositionend", function () { self.ask(input.value); });
    input.addEventListener("keydown", function (event) { self.inputKey(event); });
    this.list.addEventListener("keydown", function (event) { self.listKey(event); });
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("close", function () { opener.focus(); writeAddress("", {}); });
    this.say("输入关键词开始搜索。可以按主题、地区、层级、标签筛选结果。");
  };

  SearchDialog.prototype.say = function (text) {
    this.status.textContent = text;
  };

  SearchDialog.prototype.prepare = function () {
    var self = this;
    if (!this.ready) {
      this.ready = openIndex().then(function (index) { self.index = index; });
      this.ready.catch(function () {
        self.ready = null;
        self.say(UNAVAILABLE);
      });
    }
    return this.ready;
  };

  SearchDialog.prototype.open = function (query) {
    if (!this.dialog.open) this.dialog.showModal();
    if (query !== undefined) this.input.value = query;
    this.input.focus();
    this.input.select();
    this.prepare();
    if (this.input.value) this.ask(this.input.value);
  };

  /* Answer the latest query once the index is ready; a query typed meanwhile is answered next. */
  SearchDialog.prototype.ask = function (query) {
    var self = this;
    this.query = query.trim();
    if (this.busy) return;
    if (!this.query) { this.clear(); return; }
    if (!this.index) this.say("正在载入搜索索引……");
    this.busy = true;
    var asked = this.query;
    this.prepare().then(function () {
      return Promise.all([analyse(self.index, asked), self.index.loadFacets(self.facetsNeeded())]);
    }).then(function (done) {
      var found = done[0];
      self.busy = false;
      if (self.query !== asked) { self.ask(self.query); return; }
      var answered = answer(self.index, found);
      self.results = answered.results;
      self.whole = answered.whole;
      self.parts = found.parts;
      self.related = found.related;
      self.sounds = found.sounds;
      self.terms = found.terms.concat(found.parts, found.related).filter(function (t, at, all) { return all.indexOf(t) === at; });
      self.answered = asked;
      self.render();
    }, function (error) {
      self.busy = false;
      console.warn("search.js:", error.message);
      self.answered = null;
      self.clear();  // no results of an earlier query under the message
      self.say(UNAVAILABLE);
      if (self.query !== asked && self.query) self.ask(self.query);
    });
  };

  /* The facets a query's results need: those the address or the reader chose (they filter the
   * results), and every one while the filters are shown (they count the results). */
  SearchDialog.prototype.facetsNeeded = function () {
    var self = this;
    return this.index.facets.map(function (facet) { return facet.key; }).filter(function (key) {
      return self.filters.open || (self.selected[key] && self.selected[key].size);
    });
  };

  /* The filters opened (on a phone, where they start folded): load and count their facets. */
  SearchDialog.prototype.showFacets = function () {
    var self = this;
    if (!this.filters.open || !this.index || !this.results.length) return;
    var answered = this.answered;
    this.index.loadFacets(this.facetsNeeded()).then(function () {
      if (self.answered === answered) self.renderFacets();
    }, function (error) {
      console.warn("search.js:", error.message);
      self.say(UNAVAILABLE);
    });
  };

  SearchDialog.prototype.clear = function () {
    this.results = [];
    this.whole = 0;
    this.parts = [];
    this.related = [];
    this.sounds = [];
    this.terms = [];
    this.help.hidden = true;
    writeAddress("", {});
    this.list.textContent = "";
    this.facetBox.textContent = "";
    this.more.hidden = true;
    this.say("输入关键词开始搜索。可以按主题、地区、层级、标签筛选结果。");
  };

  SearchDialog.prototype.filtered = function () {
    var self = this;
    return this.results.filter(function (r) { return passes(self.index, r.page, self.selected, null); });
  };

  SearchDialog.prototype.render = function () {
    this.renderFacets();
    this.list.textContent = "";
    this.shown = 0;
    var filtered = this.filtered();
    var words = this.parts.map(function (p) { return "“" + p + "”"; }).join("、");
    var partial = this.results.length - this.whole;
    var narrowed = filtered.length < this.results.length ? "按筛选条件显示 " + filtered.length + " 项。" : "";
    var nearestOnly = this.results.length && this.results[0].nearest;
    this.help.hidden = this.whole > 0;  // where else to look, whenever nothing matches in full
    if (!this.results.length || nearestOnly) {
      this.say("没有找到与“" + this.answered + "”相关的内容" + (nearestOnly ? "，以下是最接近的记录（只含其中个别字）" : "") +
        "。可以换一个说法，用更短的词、地名或做法的名称再搜，或从下面的术语表、主题列表找起。");
    } else if (!this.whole) {
      this.say("没有完全匹配的结果，以下是包含部分词语（" + words + "）的结果：找到 " + partial + " 项结果。" + narrowed);
    } else if (partial) {
      this.say("找到 " + this.whole + " 项结果，另有 " + partial + " 项只包含部分词语（" + words + "）。" + narrowed);
    } else {
      this.say("找到 " + this.whole + " 项结果。" + narrowed);
    }
    this.explain();
    writeAddress(this.answered, this.selected);
    this.showMore(false);
  };

  /* Say what the query was read as besides its own words: names it sounds like, related words. */
  SearchDialog.prototype.explain = function () {
    var notes = [];
    if (this.sounds.length) notes.push("按读音匹配：" + this.sounds.join("、"));
    if (this.related.length) notes.push("相关说法：" + this.related.slice(0, 8).join("、"));
    if (notes.length) this.status.textContent += "（" + notes.join("；") + "）";
  };

  SearchDialog.prototype.showMore = function (focusFirstNew) {
    var self = this;
    var filtered = this.filtered();
    var next = filtered.slice(this.shown, this.shown + SHOWN_AT_ONCE);
    var items = next.map(function (result, at) {
      var before = at ? next[at - 1] : filtered[self.shown - 1];
      if (result.partial && self.whole && !(before && before.partial)) {
        self.list.appendChild(element("li", "catalog-search__divider", "以下结果只包含部分词语"));
      }
      if (result.nearest && !before) {
        self.list.appendChild(element("li", "catalog-search__divider", "最接近的记录"));
      }
      var item = self.list.appendChild(element("li", "catalog-search__result"));
      item.setAttribute("aria-busy", "true");
      return { item: item, result: result };
    });
    this.shown += next.length;
    this.more.hidden = this.shown >= filtered.length;
    var answered = this.answered;
    items.forEach(function (entry, at) {
      load("p/" + entry.result.page).then(function (page) {
        if (self.answered !== answered) return;
        self.fill(entry.item, page);
        if (focusFirstNew && at === 0) entry.item.querySelector("a").focus();
      }, function (error) {
        console.warn("search.js:", error.message);
        if (self.answered !== answered) return;
        entry.item.removeAttribute("aria-busy");
        entry.item.textContent = UNAVAILABLE;
      });
    });
  };

  SearchDialog.prototype.fill = function (item, page) {
    item.removeAttribute("aria-busy");
    var link = item.appendChild(element("a", "catalog-search__link"));
    link.href = pageHref(page.u, this.terms);
    marked(link.appendChild(element("span", "catalog-search__title")), page.t, this.terms);
    var meta = item.appendChild(element("p", "catalog-search__meta"));
    meta.appendChild(element("span", "catalog-search__kind", page.k));
    if (page.r) meta.appendChild(element("span", "catalog-search__region", page.r));
    marked(item.appendChild(element("p", "catalog-search__snippet")), snippet(page.x, this.terms), this.terms);
  };

  SearchDialog.prototype.renderFacets = function () {
    var self = this;
    var chosenCount = Object.keys(this.selected).reduce(function (n, key) { return n + self.selected[key].size; }, 0);
    this.filtersLabel.textContent = chosenCount ? "筛选结果（已选 " + chosenCount + " 项）" : "筛选结果";
    this.facetBox.textContent = "";
    if (!this.results.length) return;
    this.index.loaded().forEach(function (facet) {
      var tally = counts(self.index, self.results, self.selected, facet);
      var chosen = self.selected[facet.key] || new Set();
      var values = facet.values.map(function (value, at) { return { value: value, count: tally[at] }; })
        .filter(function (v) { return v.count > 0 || chosen.has(v.value); });
      if (!values.length || (values.length === 1 && !chosen.size && values[0].count === self.results.length)) return;
      var group = self.facetBox.appendChild(element("fieldset", "catalog-search__facet"));
      group.appendChild(element("legend", null, facet.label));
      values.forEach(function (v) {
        var label = group.appendChild(element("label"));
        var box = label.appendChild(element("input"));
        box.type = "checkbox";
        box.checked = chosen.has(v.value);
        box.addEventListener("change", function () {
          var set = self.selected[facet.key] = self.selected[facet.key] || new Set();
          if (box.checked) set.add(v.value); else set.delete(v.value);
          self.render();
          var again = self.facetBox.querySelector("input[data-facet='" + facet.key + "'][data-value-index='" + facet.values.indexOf(v.value) + "']");
          if (again) again.focus();
        });
        box.dataset.facet = facet.key;
        box.dataset.valueIndex = String(facet.values.indexOf(v.value));
        label.appendChild(element("span", "catalog-search__value", v.value));
        label.appendChild(element("span", "catalog-search__count", String(v.count)));
      });
    });
  };

  SearchDialog.prototype.links = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a"));
  };
  SearchDialog.prototype.inputKey = function (event) {
    var links = this.links();
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[0].focus();
    } else if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      if (this.answered === this.query && links.length) links[0].click();
      else this.ask(this.input.value);
    }
  };
  SearchDialog.prototype.listKey = function (event) {
    var links = this.links();
    var at = links.indexOf(document.activeElement);
    if (at < 0 || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    event.preventDefault();
    if (event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
    else if (event.key === "ArrowUp") (at > 0 ? links[at - 1] : this.input).focus();
  };

  /* ---- The query and the chosen facets in the address, so that a filtered search can be shared:
   * ?q=楼院&city=郑州市&kind=做法 ---- */
  var FACET_PARAMETERS = ["kind", "theme", "city", "level", "tag"];
  function readFacets() {
    var address = new URLSearchParams(location.search);
    var selected = {};
    FACET_PARAMETERS.forEach(function (key) {
      var values = address.getAll(key);
      if (values.length) selected[key] = new Set(values);
    });
    return selected;
  }
  function writeAddress(query, selected) {
    if (!window.history.replaceState) return;
    var address = new URLSearchParams(location.search);
    address.delete("q");
    FACET_PARAMETERS.forEach(function (key) { address.delete(key); });
    if (query) address.set("q", query);
    FACET_PARAMETERS.forEach(function (key) {
      Array.from(selected[key] || []).sort().forEach(function (value) { address.append(key, value); });
    });
    var search = address.toString();
    try {
      window.history.replaceState(window.history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    } catch (ignored) { /* some file:// pages refuse; the search still works */ }
  }

  /* ---- Marking the searched words on the page a result opened ---- */
  function highlight() {
    var asked = new URLSearchParams(location.search).get("h");
    var article = document.querySelector("article");
    if (!asked || !article) return;
    var terms = asked.split(" ").filter(Boolean).slice(0, 10);
    var pattern = new RegExp(terms.map(escapeRegExp).join("|"), "gi");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode() && nodes.length < 500) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (!pattern.test(node.data)) return;
      pattern.lastIndex = 0;
      var replacement = marked(document.createDocumentFragment(), node.data, terms);
      Array.prototype.forEach.call(replacement.querySelectorAll("mark"), function (mark) { mark.dataset.searchHighlight = ""; });
      node.parentNode.replaceChild(replacement, node);
    });
  }

  function start() {
    var search = new SearchDialog();
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable], dialog[open]")) return;
      event.preventDefault();
      search.open();
    });
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) search.open(asked);
    highlight();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
