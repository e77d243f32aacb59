/* 404.html: shows the address that was asked for. A static page cannot know it, so this script
   writes it into #requested-address, as text (never as markup: the address is whatever was typed
   or linked), readable: percent-escapes such as %E6%8A%A5 shown as the characters they stand for.
   Except characters that are not seen but change what is seen: control characters (C0, DEL, C1)
   and the invisible format and direction marks (zero-width spaces and joiners, the left-to-right
   and right-to-left marks, embeddings, overrides and isolates, the byte order mark), with which a
   link could make the address shown on this government site read as something else. They stay
   percent-escapes (%E2%80%AE), visible for what they are. An address longer than 200 characters is
   cut, with “…”. Without JavaScript the element stays hidden and the page reads as before. */
(function () {
  'use strict';
  var UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
  var LONGEST = 200; // characters shown

  function escaped(c) {
    return encodeURIComponent(c);
  }

  function show() {
    var box = document.getElementById('requested-address');
    var code = document.getElementById('requested-url');
    if (!box || !code) { return; }
    var address = window.location.href;
    try { address = decodeURI(address); } catch (e) { /* a malformed escape: show it as it is */ }
    address = address.replace(UNSEEN, escaped);
    var chars = Array.from(address); // whole characters: a cut never splits a surrogate pair
    if (chars.length > LONGEST) { address = chars.slice(0, LONGEST).join('') + '…'; }
    code.textContent = address;
    box.hidden = false;
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
}());
