/* Wide tables: each table sits in a wrapper (.table-scroll) that scrolls sideways when the table is
   wider than the page. In the markup every wrapper is a tab stop (so the keyboard can scroll it) and
   a region named by its table's heading and caption (so a screen reader says what is focused): that
   is what a reader without JavaScript gets, in every browser. This script makes a wrapper plain (no
   tab stop, no landmark) while its table fits, and gives both back when it no longer does. Checked
   again whenever the page or the table changes size (a narrower window, a larger 字号). */
(function () {
  'use strict';
  if (!document.querySelectorAll) { return; }

  var REGION = ['tabindex', 'role', 'aria-labelledby', 'aria-label'];

  /* The attributes the page gave the wrapper, kept to put back. */
  function remember(wrapper) {
    var kept = {};
    REGION.forEach(function (name) {
      if (wrapper.hasAttribute(name)) { kept[name] = wrapper.getAttribute(name); }
    });
    if (!kept.tabindex) { kept.tabindex = '0'; }
    if (!kept.role) { kept.role = 'region'; }
    if (!kept['aria-labelledby'] && !kept['aria-label']) {
      // A portal's own template that left the region out: named by the table's caption, else 表格.
      var caption = wrapper.querySelector('caption[id]');
      if (caption) { kept['aria-labelledby'] = caption.id; } else { kept['aria-label'] = '表格'; }
    }
    wrapper.portalRegion = kept;
  }

  function makeRegion(wrapper) {
    var kept = wrapper.portalRegion;
    REGION.forEach(function (name) {
      if (kept[name] !== undefined) { wrapper.setAttribute(name, kept[name]); }
    });
  }

  function makePlain(wrapper) {
    REGION.forEach(function (name) { wrapper.removeAttribute(name); });
  }

  function update(wrapper) {
    var scrolls = wrapper.scrollWidth > wrapper.clientWidth;
    var focusable = wrapper.getAttribute('tabindex') === '0';
    if (scrolls && !focusable) {
      makeRegion(wrapper);
    } else if (!scrolls && focusable) {
      if (document.activeElement === wrapper) {
        // Focus is never taken away from under the reader: the wrapper stops being a tab stop when left.
        if (!wrapper.portalWaitsForBlur) {
          wrapper.portalWaitsForBlur = true;
          wrapper.addEventListener('blur', function () {
            wrapper.portalWaitsForBlur = false;
            update(wrapper);
          }, { once: true });
        }
        return;
      }
      makePlain(wrapper);
    }
  }

  function start() {
    var wrappers = document.querySelectorAll('.table-scroll');
    if (!wrappers.length) { return; }
    var i;
    for (i = 0; i < wrappers.length; i++) {
      remember(wrappers[i]);
      update(wrappers[i]);
    }
    if (typeof window.ResizeObserver === 'function') {
      // The wrapper changes size with the window; the table inside it with the text (字号, zoom).
      var observer = new window.ResizeObserver(function (entries) {
        for (var j = 0; j < entries.length; j++) {
          var wrapper = entries[j].target.closest('.table-scroll');
          if (wrapper) { update(wrapper); }
        }
      });
      for (i = 0; i < wrappers.length; i++) {
        observer.observe(wrappers[i]);
        var table = wrappers[i].querySelector('table');
        if (table) { observer.observe(table); }
      }
    } else {
      window.addEventListener('resize', function () {
        for (var k = 0; k < wrappers.length; k++) { update(wrappers[k]); }
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
