/* Wide tables: each table sits in a wrapper (.table-scroll) that scrolls sideways when the table is
   wider than the page. Only while it does is the wrapper made a tab stop (so the keyboard can scroll
   it) and a region named by its table's heading and caption (so a screen reader says what is
   focused); a table that fits adds no tab stop and no landmark. Checked again whenever the page or
   the table changes size (a narrower window, a larger 字号). Without JavaScript, browsers that make
   scrolling boxes keyboard-focusable themselves (Chromium, Firefox) still let the keyboard scroll. */
(function () {
  'use strict';
  if (!document.querySelectorAll) { return; }

  /* The ids that name the region: given by the page (data-labelledby), else the table's caption. */
  function labelIds(wrapper) {
    var ids = wrapper.getAttribute('data-labelledby');
    if (ids) { return ids; }
    var caption = wrapper.querySelector('caption[id]');
    return caption ? caption.id : '';
  }

  function makeRegion(wrapper) {
    var ids = labelIds(wrapper);
    wrapper.setAttribute('role', 'region');
    if (ids) {
      wrapper.setAttribute('aria-labelledby', ids);
    } else {
      wrapper.setAttribute('aria-label', '表格');
    }
    wrapper.setAttribute('tabindex', '0');
  }

  function makePlain(wrapper) {
    wrapper.removeAttribute('tabindex');
    wrapper.removeAttribute('role');
    wrapper.removeAttribute('aria-labelledby');
    wrapper.removeAttribute('aria-label');
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
    for (i = 0; i < wrappers.length; i++) { update(wrappers[i]); }
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
