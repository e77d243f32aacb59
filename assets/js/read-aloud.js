/* 语音朗读 (read aloud): reads the page's main text with the browser's own speech synthesis and a
   Chinese (zh-CN) voice. Nothing is sent anywhere by this script and nothing is loaded from elsewhere;
   the controls (#read-aloud in the reader tools) stay hidden where the browser cannot speak Chinese,
   and without JavaScript.

   What is read: the headings, paragraphs, list items, terms and descriptions (an indicator's
   定义, a report's 发布机关), table captions and figure captions (a chart's text summary: the chart
   itself is hidden from assistive technology) of <main>, in order, but not what is hidden or only
   there for screen readers, nor navigation (the contents list, 单独查看本节 links, 更新日期), nor a
   description that is only a link (an address) with its term. Table cells are not read: a table said
   cell by cell, without its headers, cannot be followed by ear; the caption says what it holds, and
   the same figures are in the text. Reading starts at the top, or at the paragraph the reader chose:
   the one holding the selected text, or the element in <main> that had the focus just before the
   controls.

   Each paragraph is spoken as its own utterances, long ones cut at the ends of sentences: some
   browsers (Chromium with online voices) stop an utterance after about 15 seconds. The paragraph
   being read is marked with the class read-aloud-current (a frame, not only a colour).

   暂停 does not pause the engine: it cancels what is being said and remembers the piece, and 继续
   says that piece again from its start. The engine's own pause cannot be relied on: Chrome keeps it
   paused through cancel(), so everything spoken later waits silently for a resume(), and Chrome for
   Android treats pause() as cancel(). So the engine is never left paused: resume() comes before
   every cancel(). */
(function () {
  'use strict';
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== 'function') { return; }

  var ZH_CN = /^(zh[-_]cn|cmn)/i;
  var BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, caption, figcaption'; // not th, td: see above
  var SKIP = 'script, style, template, noscript, nav, [hidden], [aria-hidden="true"], .visually-hidden, .page-updated';
  var SENTENCE = /[^。！？；!?;]*[。！？；!?;]+[”’」』）)]*|[^。！？；!?;]+$/g;
  var LONGEST = 80;   // characters in one utterance: about 15 seconds of Chinese speech
  var CURRENT = 'read-aloud-current';

  var box, start, pause, stop, status;
  var voice = null;
  var chunks = [];    // {el, text}: what is left to say, in order
  var at = 0;
  var current = null; // the utterance being spoken (kept, or some browsers drop its events)
  var state = 'idle'; // idle, speaking, paused
  var lastFocus = null;
  var marked = null;
  var announcing = 0;

  // ---------------------------------------------------------------- the text

  function skipped(el) {
    if (el.matches(SKIP)) { return true; }
    var style = window.getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden';
  }

  /* The element's own text: without hidden parts and without the blocks inside it (read on their own). */
  function textOf(el) {
    var out = '';
    for (var n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        out += n.nodeValue;
      } else if (n.nodeType === 1 && !skipped(n) && !n.matches(BLOCKS)) {
        out += textOf(n);
      }
    }
    return out;
  }

  /* A paragraph or a description that is one link and nothing else leads elsewhere (单独查看本节,
     查看…全部数据, 原文链接's address): not read, nor is the term of such a description. */
  function onlyALink(el, text) {
    if (el.localName === 'dt') {
      var dd = el.nextElementSibling;
      return !!dd && dd.localName === 'dd' && onlyALink(dd, textOf(dd).replace(/\s+/g, ' ').trim());
    }
    var links = el.querySelectorAll('a');
    return (el.localName === 'p' || el.localName === 'dd') && links.length === 1
        && links[0].textContent.replace(/\s+/g, '') === text.replace(/\s+/g, '');
  }

  function blocks(main) {
    var out = [];
    (function visit(el) {
      if (skipped(el)) { return; }
      if (el.matches(BLOCKS)) {
        var text = textOf(el).replace(/\s+/g, ' ').trim();
        if (text && !onlyALink(el, text)) { out.push({ el: el, text: text }); }
      }
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) { visit(c); }
    }(main));
    return out;
  }

  /* A block's text in pieces of at most about LONGEST characters, cut after sentences, else after commas. */
  function pieces(text) {
    var sentences = text.match(SENTENCE) || [text];
    var out = [];
    var piece = '';
    sentences.forEach(function (s) {
      while (s.length > LONGEST) {
        var cut = Math.max(s.lastIndexOf('，', LONGEST), s.lastIndexOf(',', LONGEST));
        if (cut < LONGEST / 3) { cut = Math.max(cut, s.lastIndexOf('、', LONGEST)); } // a list, 甲、乙、丙, only when no comma
        cut = cut > 0 ? cut + 1 : LONGEST;
        if (piece) { out.push(piece); piece = ''; }
        out.push(s.slice(0, cut));
        s = s.slice(cut);
      }
      if (piece && (piece + s).length > LONGEST) { out.push(piece); piece = ''; }
      piece += s;
    });
    if (piece) { out.push(piece); }
    return out;
  }

  /* Where to start: the block holding the selected text, else the element focused before the controls. */
  function chosen(list) {
    var main = document.getElementById('main');
    var node = null;
    var selection = window.getSelection ? window.getSelection() : null;
    if (selection && selection.rangeCount && !selection.isCollapsed && main.contains(selection.anchorNode)) {
      node = selection.anchorNode;
    } else if (lastFocus && main.contains(lastFocus)) {
      node = lastFocus;
    }
    if (!node) { return 0; }
    for (var i = 0; i < list.length; i++) {
      var el = list[i].el;
      if (el.contains(node) || node.contains(el)
          || (node.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) { return i; }
    }
    return 0;
  }

  // ---------------------------------------------------------------- speaking

  function announce(message) {
    window.clearTimeout(announcing);
    if (status.textContent === message) { status.textContent = ''; }
    announcing = window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function mark(el) {
    if (marked === el) { return; }
    if (marked) { marked.classList.remove(CURRENT); }
    marked = el;
    if (el) {
      el.classList.add(CURRENT);
      if (el.scrollIntoView) { el.scrollIntoView({ block: 'nearest' }); }
    }
  }

  function show(next) {
    state = next;
    var active = document.activeElement;
    pause.hidden = state === 'idle';
    stop.hidden = state === 'idle';
    pause.textContent = state === 'paused' ? '继续' : '暂停';
    if (state === 'idle' && (active === pause || active === stop)) { start.focus(); }
  }

  function speakNext() {
    if (at >= chunks.length) {
      finish('朗读完毕');
      return;
    }
    var chunk = chunks[at];
    var u = new window.SpeechSynthesisUtterance(chunk.text);
    u.lang = 'zh-CN';
    try { u.voice = voice; } catch (e) { /* not a voice of this browser: the language chooses one */ }
    u.onend = function () {
      if (u !== current) { return; }
      at++;
      speakNext();
    };
    u.onerror = function (event) {
      if (u !== current || event.error === 'interrupted' || event.error === 'canceled') { return; }
      finish('朗读中断，请稍后再试');
    };
    current = u;
    mark(chunk.el);
    synth.speak(u);
  }

  /* Stops the voice and leaves the engine un-paused, so that what is spoken next is heard. */
  function quiet() {
    current = null;
    synth.resume();
    synth.cancel();
  }

  function finish(message) {
    current = null;
    chunks = [];
    at = 0;
    mark(null);
    show('idle');
    announce(message);
  }

  function begin() {
    var list = blocks(document.getElementById('main'));
    var from = chosen(list);
    quiet();
    chunks = [];
    list.slice(from).forEach(function (b) {
      pieces(b.text).forEach(function (text) { chunks.push({ el: b.el, text: text }); });
    });
    at = 0;
    show('speaking');
    announce(from > 0 ? '正在从所选段落朗读' : '正在朗读');
    speakNext();
  }

  /* 暂停 silences the piece being said and keeps its place (at); 继续 says it again from its start. */
  function togglePause() {
    if (state === 'speaking') {
      quiet();
      show('paused');
      announce('已暂停');
    } else if (state === 'paused') {
      quiet();
      show('speaking');
      announce('继续朗读');
      speakNext();
    }
  }

  function end() {
    quiet();
    finish('已停止');
  }

  // ---------------------------------------------------------------- controls

  function findVoice() {
    var voices = synth.getVoices() || [];
    var zh = Array.prototype.filter.call(voices, function (v) { return ZH_CN.test(v.lang || ''); });
    var local = zh.filter(function (v) { return v.localService; });
    return local[0] || zh[0] || null;
  }

  function voices() {
    voice = findVoice();
    if (!voice && state !== 'idle') { end(); }
    box.hidden = !voice;
  }

  function ready() {
    box = document.getElementById('read-aloud');
    if (!box || !document.getElementById('main')) { return; }
    start = box.querySelector('[data-read="start"]');
    pause = box.querySelector('[data-read="pause"]');
    stop = box.querySelector('[data-read="stop"]');
    status = document.getElementById('read-aloud-status');
    start.addEventListener('click', begin);
    pause.addEventListener('click', togglePause);
    stop.addEventListener('click', end);
    // The element in <main> that had the focus before the reader moved to these controls.
    document.addEventListener('focusin', function (event) {
      var main = document.getElementById('main');
      if (main.contains(event.target) && event.target !== main) {
        lastFocus = event.target;
      } else if (!box.contains(event.target)) {
        lastFocus = null;
      }
    });
    // Leaving the page stops the voice, which would otherwise go on reading a page no longer shown.
    window.addEventListener('pagehide', function () {
      if (state !== 'idle') { end(); }
    });
    voices();
    if (typeof synth.addEventListener === 'function') {
      synth.addEventListener('voiceschanged', voices);
    } else {
      synth.onvoiceschanged = voices;
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
