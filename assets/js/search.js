/* Site search for search.html: a first-party script over the static index the build writes to
   search/ (see SearchIndex.java for the format and Tokenizer.java for the rules this file mirrors).
   Chinese is matched as overlapping character bigrams with positions, so a query finds exactly the
   pages that contain it as written. Only the manifest, the shards the query's tokens live in and the
   texts of the results on screen are fetched. Without JavaScript the form, the status and the list
   stay hidden and the page says where else to look.

   History: the address always carries the search shown (?q=…&year=…), and what the page shows always
   follows the address, also after Back and Forward (popstate) and when the page comes back from the
   back/forward cache (pageshow). Each submitted search is one history entry; choosing another year
   for the same words refines it in place (replaceState), so trying years with the arrow keys does not
   fill the history. */
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form) { return; }
  var nojs = document.getElementById('search-nojs');
  // A browser too old for this script keeps the no-JavaScript message (the style sheet hides it as
  // soon as scripts run, to keep the form's place).
  function unsupported() { nojs.classList.add('search-nojs-shown'); }
  if (!window.fetch || !window.URLSearchParams || !window.Set || !Array.from) { unsupported(); return; }
  var HAN, WORD;
  try {
    HAN = new RegExp('^\\p{Script=Han}$', 'u');
    WORD = new RegExp('^[\\p{L}\\p{Nd}]$', 'u');
  } catch (e) {
    unsupported();
    return;
  }

  var input = document.getElementById('search-q');
  var yearSelect = document.getElementById('search-year');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var root = form.getAttribute('data-root') || '';
  var PAGE_SIZE = 10;
  var MAX_QUERY = 64;     // code points
  var TITLE_BONUS = 2;    // a term in the title counts this many times its idf more
  var manifest = null;
  var files = {};
  var shards = {};
  var texts = {};
  var current = null;
  var generation = 0;
  var announcing = 0;
  var shownFor = null;    // the location.search whose search (or nothing) is shown

  // ---------------------------------------------------------------- index files

  function fetchJson(path, revalidate) {
    var where = new URL(root + 'search/' + path, document.baseURI).href;
    return fetch(where, revalidate ? { cache: 'no-cache' } : {}).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status + ': ' + where); }
      return r.json();
    });
  }

  function remember(cache, key, load) {
    if (!cache[key]) {
      cache[key] = load();
      cache[key].catch(function () { delete cache[key]; }); // try again next time
    }
    return cache[key];
  }

  function loadManifest() {
    return remember(files, 'manifest', function () {
      return fetchJson('index.json', true).then(function (m) {
        if (m.version !== 1) { throw new Error('unknown index version ' + m.version); }
        manifest = m;
        return m;
      });
    });
  }

  function loadShard(k) {
    return remember(shards, k, function () { return fetchJson('shard/' + k + '.json?v=' + manifest.hash); });
  }

  function loadText(id) {
    return remember(texts, id, function () { return fetchJson('doc/' + id + '.json?v=' + manifest.hash); });
  }

  // ---------------------------------------------------------------- query tokens (Tokenizer.java)

  function fold(s) {
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; } else if (c === 0x3000) { c = 0x20; }
      if (c >= 65 && c <= 90) { c += 32; }
      out += String.fromCharCode(c);
    }
    return out;
  }

  function isHan(ch) { return HAN.test(ch); }
  function isWord(ch) { return !isHan(ch) && WORD.test(ch); }
  function isTermChar(ch) { return isHan(ch) || isWord(ch); }

  /* A term is a run of Han characters, letters and digits; its parts are the index tokens it must
     have at consecutive positions. A Han run gives its bigrams (and its last character when a word
     follows, as in the text); a lone Han character or a word at the end of a term matches any token
     it begins, so 法 finds 法律 and 1234 finds 12348. */
  function parse(query) {
    var chars = Array.from(fold(query)).slice(0, MAX_QUERY);
    var terms = [];
    var seen = {};
    for (var i = 0; i < chars.length;) {
      if (!isTermChar(chars[i])) { i++; continue; }
      var j = i;
      while (j < chars.length && isTermChar(chars[j])) { j++; }
      var text = chars.slice(i, j).join('');
      if (!seen[text]) {
        seen[text] = true;
        terms.push({ text: text, parts: parts(chars.slice(i, j)) });
      }
      i = j;
    }
    return terms;
  }

  function parts(cs) {
    var out = [];
    var pos = 0;
    for (var k = 0; k < cs.length;) {
      var han = isHan(cs[k]);
      var m = k;
      while (m < cs.length && isHan(cs[m]) === han) { m++; }
      var last = m === cs.length;
      if (han) {
        var n = m - k;
        for (var x = 0; x + 1 < n; x++) { out.push({ tok: cs[k + x] + cs[k + x + 1], rel: pos + x, prefix: false }); }
        if (!last) {
          out.push({ tok: cs[m - 1], rel: pos + n - 1, prefix: false });
        } else if (n === 1) {
          out.push({ tok: cs[k], rel: pos, prefix: true });
        }
        pos += n;
      } else {
        out.push({ tok: cs.slice(k, m).join(''), rel: pos, prefix: last });
        pos += 1;
      }
      k = m;
    }
    return out;
  }

  function shardOf(tok) { return tok.codePointAt(0) % manifest.shards; }

  // ---------------------------------------------------------------- matching and ranking

  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  /* {doc: [start positions]} where the part occurs, start = position - part.rel. */
  function starts(part, shard) {
    var found = {};
    function add(postings) {
      for (var i = 0; i < postings.length; i++) {
        var e = postings[i];
        var arr = found[e[0]] || (found[e[0]] = []);
        for (var j = 1, p = 0; j < e.length; j++) {
          p += e[j];
          arr.push(p - part.rel);
        }
      }
    }
    if (part.prefix) {
      for (var t in shard) {
        if (has(shard, t) && t.lastIndexOf(part.tok, 0) === 0) { add(shard[t]); }
      }
    } else if (has(shard, part.tok)) {
      add(shard[part.tok]);
    }
    return found;
  }

  /* {doc: number of places where all of the term's parts line up}. */
  function occurrences(term, loaded) {
    var hits = null;
    term.parts.forEach(function (part) {
      var found = starts(part, loaded[shardOf(part.tok)]);
      var next = {};
      Object.keys(hits === null ? found : hits).forEach(function (d) {
        if (!found[d]) { return; }
        var kept = new Set(found[d].filter(function (p) { return hits === null || hits[d].has(p); }));
        if (kept.size) { next[d] = kept; }
      });
      hits = next;
    });
    var tf = {};
    Object.keys(hits || {}).forEach(function (d) { tf[d] = hits[d].size; });
    return tf;
  }

  /* Pages that contain every term, best first (BM25 with a bonus for terms in the title). */
  function rank(terms, loaded, year) {
    var docs = manifest.docs;
    var total = 0;
    docs.forEach(function (d) { total += d.n; });
    var avg = total / Math.max(1, docs.length);
    var perTerm = terms.map(function (t) { return occurrences(t, loaded); });
    var results = [];
    Object.keys(perTerm[0]).forEach(function (key) {
      var id = Number(key);
      var doc = docs[id];
      if (year && doc.y.indexOf(year) < 0) { return; }
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var tf = perTerm[i][key];
        if (!tf) { return; }
        var df = Object.keys(perTerm[i]).length;
        var idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
        score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * doc.n / avg));
        if (fold(doc.t).indexOf(terms[i].text) >= 0) { score += TITLE_BONUS * idf; }
      }
      results.push({ id: id, score: score });
    });
    results.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return results;
  }

  // ---------------------------------------------------------------- results

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text) { e.textContent = text; }
    return e;
  }

  function yearsLabel(years) {
    if (!years.length) { return ''; }
    return (years.length === 1 ? years[0] : years[0] + '—' + years[years.length - 1]) + '年';
  }

  /* The best paragraph (most terms, then first), cut around the first match, matches in <mark>. */
  function snippet(paragraphs, terms) {
    var best = 0;
    var bestCount = 0;
    var at = 0;
    paragraphs.forEach(function (p, i) {
      var f = fold(p);
      var count = 0;
      var first = -1;
      terms.forEach(function (t) {
        var k = f.indexOf(t.text);
        if (k >= 0) {
          count++;
          if (first < 0 || k < first) { first = k; }
        }
      });
      if (count > bestCount) { best = i; bestCount = count; at = first; }
    });
    var text = paragraphs[best] || '';
    var start = Math.max(0, at - 30);
    var end = Math.min(text.length, start + 120);
    if (/[\uDC00-\uDFFF]/.test(text.charAt(start))) { start++; }
    if (/[\uDC00-\uDFFF]/.test(text.charAt(end))) { end++; }
    var piece = text.slice(start, end);
    var folded = fold(piece);
    var marks = [];
    terms.slice().sort(function (a, b) { return b.text.length - a.text.length; }).forEach(function (t) {
      for (var k = folded.indexOf(t.text); k >= 0; k = folded.indexOf(t.text, k + t.text.length)) {
        var e = k + t.text.length;
        if (!marks.some(function (m) { return k < m[1] && e > m[0]; })) { marks.push([k, e]); }
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var nodes = [];
    var pos = 0;
    if (start > 0) { nodes.push(document.createTextNode('…')); }
    marks.forEach(function (m) {
      nodes.push(document.createTextNode(piece.slice(pos, m[0])));
      nodes.push(el('mark', null, piece.slice(m[0], m[1])));
      pos = m[1];
    });
    nodes.push(document.createTextNode(piece.slice(pos) + (end < text.length ? '…' : '')));
    return nodes;
  }

  /* Shows the next results; the list is aria-busy until their snippets are in. */
  function show(state, from) {
    var docs = manifest.docs;
    var loading = [];
    list.setAttribute('aria-busy', 'true');
    state.results.slice(from, from + PAGE_SIZE).forEach(function (r) {
      var doc = docs[r.id];
      var li = el('li', 'search-result');
      var h = el('h2', 'search-result-title');
      var a = el('a', null, doc.t);
      a.setAttribute('href', root + doc.u);
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(el('p', 'search-result-meta', yearsLabel(doc.y) + ' · ' + doc.c));
      var p = el('p', 'search-snippet');
      li.appendChild(p);
      list.appendChild(li);
      loading.push(loadText(r.id).then(function (t) {
        if (t.p.length) {
          snippet(t.p, state.terms).forEach(function (n) { p.appendChild(n); });
        } else {
          li.removeChild(p); // a page with a title only
        }
      }).catch(function () {
        li.removeChild(p); // the title and the link are enough
      }));
    });
    Promise.all(loading).then(function () {
      if (state === current) { list.removeAttribute('aria-busy'); }
    });
    state.shown = Math.min(state.results.length, from + PAGE_SIZE);
    var left = state.results.length - state.shown;
    more.hidden = left <= 0;
    more.textContent = '显示更多结果（还有 ' + left + ' 条）';
  }

  function announce(message) {
    window.clearTimeout(announcing);
    if (status.textContent === message) { status.textContent = ''; }
    announcing = window.setTimeout(function () { status.textContent = message; }, 50);
  }

  /* No search: nothing shown, nothing announced, and any search still under way is dropped. */
  function clear() {
    generation++;
    window.clearTimeout(announcing);
    current = null;
    list.textContent = '';
    list.removeAttribute('aria-busy');
    more.hidden = true;
    status.textContent = '';
  }

  function search(query, year) {
    var run = ++generation;
    list.textContent = '';
    more.hidden = true;
    current = null;
    var terms = parse(query);
    if (!terms.length) {
      announce('请输入要搜索的词语。');
      return;
    }
    var scope = year ? '（' + year + '年）' : '';
    list.setAttribute('aria-busy', 'true');
    loadManifest().then(function () {
      var needed = {};
      terms.forEach(function (t) { t.parts.forEach(function (p) { needed[shardOf(p.tok)] = true; }); });
      var keys = Object.keys(needed);
      return Promise.all(keys.map(loadShard)).then(function (loaded) {
        var byKey = {};
        keys.forEach(function (k, i) { byKey[k] = loaded[i]; });
        return rank(terms, byKey, year);
      });
    }).then(function (results) {
      if (run !== generation) { return; }
      list.removeAttribute('aria-busy');
      if (!results.length) {
        announce('没有找到与“' + query + '”相关的内容' + scope + '。请换用更短的词语，或选择“全部年份”。');
        return;
      }
      current = { terms: terms, results: results, shown: 0 };
      show(current, 0);
      announce('找到 ' + results.length + ' 条与“' + query + '”相关的结果' + scope + '。');
    }).catch(function () {
      if (run !== generation) { return; }
      list.removeAttribute('aria-busy');
      announce('搜索索引暂时无法加载，请稍后再试，或从首页的年度报告目录查找内容。');
    });
  }

  // ---------------------------------------------------------------- page

  /* Shows what the address asks for: its search, the prompt for an empty one (?q=), or nothing.
     Only when the search it asks for is not the one shown: popstate also comes when only the
     fragment changes (the skip link to #main), and pageshow when the page comes back from the
     back/forward cache as it was left; running the search again would fold results expanded with
     显示更多 and announce the count again. */
  function fromAddress() {
    if (window.location.search === shownFor) { return; }
    shownFor = window.location.search;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get('q') || '';
    var y = (params.get('year') || '').replace(/\D/g, '');
    yearSelect.value = y && yearSelect.querySelector('option[value="' + y + '"]') ? y : '';
    if (params.has('q')) {
      search(input.value.trim(), Number(yearSelect.value) || 0);
    } else {
      clear();
    }
  }

  /* Puts the search in the address and runs it. A new search is a new history entry; the same
     search again, or the same words in another year (refine), replaces the current entry. */
  function submit(refine) {
    var query = input.value.trim();
    var params = new URLSearchParams();
    params.set('q', query);
    if (yearSelect.value) { params.set('year', yearSelect.value); }
    var next = '?' + params.toString();
    var shown = new URLSearchParams(window.location.search);
    var same = refine ? shown.has('q') && (shown.get('q') || '').trim() === query : next === window.location.search;
    if (same) {
      window.history.replaceState(null, '', next);
    } else {
      window.history.pushState(null, '', next);
    }
    shownFor = window.location.search;
    search(query, Number(yearSelect.value) || 0);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit(false);
  });
  yearSelect.addEventListener('change', function () {
    if (input.value.trim()) { submit(true); }
  });
  more.addEventListener('click', function () {
    if (!current) { return; }
    var first = current.shown;
    show(current, first);
    var link = list.children[first] && list.children[first].querySelector('a');
    if (link) { link.focus(); }
  });
  window.addEventListener('popstate', fromAddress);
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) { fromAddress(); }
  });

  nojs.hidden = true;
  form.hidden = false;
  status.hidden = false;
  list.hidden = false;
  fromAddress();
}());
