/* Reader settings (字号 and 长者模式): a small progressive enhancement. Without JavaScript the
   tools stay hidden and every page is fully readable (browser zoom still works). The choice is
   remembered across pages in localStorage.

   This script is loaded without defer, in the head: the remembered settings apply before the page is
   first drawn, and the class "js" lets the style sheet keep the place of what the scripts will show
   (the tools, the search form), so the page does not jump when they appear. The controls are wired
   once the document is parsed.

   字号 is a group of native radio buttons (arrow keys move the choice, as in any radio group);
   长者模式 is a toggle button (aria-pressed).

   菜单: in a window small both ways (400 % zoom, see site.css) the header folds the navigation and
   the reader tools behind a disclosure button (aria-expanded), so the text starts within the first
   screen. Each page starts folded (the state is not remembered); Escape folds them and returns to the
   button. Elsewhere the style sheet hides the button and shows everything; without JavaScript the
   button stays hidden and nothing is folded. */
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'portal-reader-settings';
  var SIZES = ['normal', 'large', 'larger'];

  root.classList.add('js');

  function load() {
    try {
      var s = JSON.parse(window.localStorage.getItem(KEY) || '{}');
      return { font: SIZES.indexOf(s.font) >= 0 ? s.font : 'normal', elder: s.elder === true };
    } catch (e) {
      return { font: 'normal', elder: false };
    }
  }

  function save(s) {
    try { window.localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode: not remembered */ }
  }

  function apply(s) {
    root.setAttribute('data-font', s.font);
    root.classList.toggle('elder', s.elder);
    var tools = document.getElementById('reader-tools');
    if (!tools) { return; }
    var radios = tools.querySelectorAll('input[name="font-size"]');
    for (var i = 0; i < radios.length; i++) {
      radios[i].checked = radios[i].value === s.font;
    }
    var elder = tools.querySelector('button[data-elder]');
    if (elder) { elder.setAttribute('aria-pressed', String(s.elder)); }
  }

  var settings = load();
  apply(settings);

  // The same window as the style sheet's "A window small both ways".
  var COMPACT = '(max-width: 30em) and (max-height: 30em)';

  function menu() {
    var header = document.querySelector('.site-header');
    var button = header && header.querySelector('.menu-toggle');
    if (!button) { return; }
    function isOpen() { return button.getAttribute('aria-expanded') === 'true'; }
    function set(open) {
      button.setAttribute('aria-expanded', String(open));
      header.classList.toggle('menu-open', open);
    }
    // Focus in what the button folds away (a link, a 字号 radio), not on the button itself.
    function focusInside() {
      var f = document.activeElement;
      return f !== button && header.contains(f);
    }
    set(false);
    button.hidden = false;
    button.addEventListener('click', function () { set(!isOpen()); });
    header.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || !isOpen()) { return; }
      set(false);
      button.focus();
    });
    if (!window.matchMedia) { return; }
    var small = window.matchMedia(COMPACT);
    // Zoomed in or out, or the window resized: entering the small window folds the menu, unless the
    // reader is in it (what has the focus stays shown); leaving it, everything shows anyway.
    var change = function () { set(small.matches && focusInside()); };
    if (small.addEventListener) {
      small.addEventListener('change', change);
    } else if (small.addListener) {
      small.addListener(change);
    }
  }

  function ready() {
    menu();
    var tools = document.getElementById('reader-tools');
    if (!tools) { return; }
    apply(settings);
    tools.hidden = false;
    tools.addEventListener('change', function (event) {
      var radio = event.target;
      if (radio.name !== 'font-size' || !radio.checked || SIZES.indexOf(radio.value) < 0) { return; }
      settings.font = radio.value;
      apply(settings);
      save(settings);
    });
    var elder = tools.querySelector('button[data-elder]');
    if (elder) {
      elder.addEventListener('click', function () {
        settings.elder = !settings.elder;
        apply(settings);
        save(settings);
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
  // A page restored from the back/forward cache keeps the settings it was left with: take up any
  // change made on another page since.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      settings = load();
      apply(settings);
    }
  });
}());
