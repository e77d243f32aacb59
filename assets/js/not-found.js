/* 404.html: shows the address that was asked for. A static page cannot know it, so this script
   writes it into #requested-address, as text (never as markup: the address is whatever was typed
   or linked), readable: percent-escapes such as %E6%8A%A5 shown as the characters they stand for.
   Without JavaScript the element stays hidden and the page reads as before. */
(function () {
  'use strict';
  function show() {
    var box = document.getElementById('requested-address');
    var code = document.getElementById('requested-url');
    if (!box || !code) { return; }
    var address = window.location.href;
    try { address = decodeURI(address); } catch (e) { /* a malformed escape: show it as it is */ }
    code.textContent = address;
    box.hidden = false;
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
}());
