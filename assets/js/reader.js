/* Reader settings (字号 and 长者模式): a small progressive enhancement. Without JavaScript the
   tools stay hidden and every page is fully readable (browser zoom still works). The choice is
   remembered across pages in localStorage. */
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'portal-reader-settings';
  var SIZES = ['normal', 'large', 'larger'];

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
    var buttons = tools.querySelectorAll('button[data-font]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-font') === s.font));
    }
    var elder = tools.querySelector('button[data-elder]');
    if (elder) { elder.setAttribute('aria-pressed', String(s.elder)); }
  }

  var settings = load();
  apply(settings);

  function ready() {
    var tools = document.getElementById('reader-tools');
    if (!tools) { return; }
    tools.hidden = false;
    apply(settings);
    tools.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      if (button.hasAttribute('data-font')) {
        settings.font = button.getAttribute('data-font');
      } else if (button.hasAttribute('data-elder')) {
        settings.elder = !settings.elder;
      }
      apply(settings);
      save(settings);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
}());
