/*
 * Live reload of the preview (portal serve only: the preview server adds this script to the pages
 * it sends; a published site never has it). It listens to the preview's build events and reloads
 * the page when the build it shows is no longer the newest; the browser keeps the scroll position
 * on reload. After a failed rebuild it shows a notice instead: the page stays the last good one.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var shown = me && me.getAttribute('data-build');
  if (!shown || !window.EventSource) {
    return;
  }
  var events = new EventSource('/_preview/events');
  events.addEventListener('build', function (e) {
    var parts = e.data.split(' ');
    // A quick update changed one page only (parts[1]): the other pages wait for the full rebuild.
    if (parts[0] === shown || (parts[1] && location.pathname !== '/' + parts[1])) {
      return;
    }
    events.close();
    location.reload();
  });
  events.addEventListener('failed', function () {
    if (document.getElementById('portal-preview-failed')) {
      return;
    }
    var notice = document.createElement('div');
    notice.id = 'portal-preview-failed';
    notice.setAttribute('role', 'status');
    notice.textContent = '预览未更新：最近一次修改未能构建，问题列在运行 portal serve 的终端窗口中。这里仍是上次成功构建的预览。';
    // Styled through the CSS object model: the pages' Content-Security-Policy forbids style attributes.
    var s = notice.style;
    s.position = 'fixed';
    s.left = '0';
    s.right = '0';
    s.bottom = '0';
    s.zIndex = '2147483647';
    s.padding = '0.75em 1em';
    s.background = '#ffdd00';
    s.color = '#0b0c0c';
    s.borderTop = '4px solid #0b0c0c';
    s.fontWeight = 'bold';
    document.body.appendChild(notice);
  });
}());
