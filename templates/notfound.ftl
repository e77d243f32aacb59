<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- 404.html: a web server answers every missing address with this page, at any depth, so every
     link here starts with the site's base path (e.g. /fzzf/) instead of being relative.
     See README, "Publishing".
     The address that was asked for is known only in the browser: js/not-found.js writes it, as
     text, into #requested-address, which stays hidden without JavaScript. The search form is sent
     to the search page with the name it reads (q). -->
<@layout.page frame=content.frame scripts=["js/not-found.js"]>
<h1>${content.frame.title}</h1>
<p>您要访问的页面不存在，可能已被移动或删除。</p>
<p class="requested-address" id="requested-address" hidden>您访问的网址是：<code id="requested-url"></code></p>
<p>请检查网址是否输入正确，或在本站搜索：</p>
<form class="search-form not-found-search" role="search" action="${content.search}" method="get">
  <div class="search-field">
    <label for="not-found-q">搜索词</label>
    <input type="search" id="not-found-q" name="q" autocomplete="off" enterkeyhint="search">
  </div>
  <button type="submit">搜索</button>
</form>
<p>也可以从下列页面继续浏览：</p>
<ul>
  <li><a href="${content.home}">网站首页</a></li>
<#list content.reports as r>
  <li><a href="${r.href}">${r.title}</a></li>
</#list>
  <li><a href="${content.siteMap}">网站地图</a></li>
</ul>
</@layout.page>
