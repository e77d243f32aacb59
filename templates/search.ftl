<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- Site search. The form, results and status are filled by js/search.js from the static index
     under search/; without JavaScript the form, the status and the list stay hidden (nothing empty
     is left for a screen reader to find) and the page says where else to look. -->
<@layout.page frame=content.frame scripts=["js/search.js"]>
<h1>${content.frame.title}</h1>
<div class="search-nojs" id="search-nojs">
  <p>站内搜索需要浏览器启用 JavaScript。未启用时，请在<a href="${content.frame.root}sitemap.html">网站地图</a>中查找全部页面。</p>
</div>
<form class="search-form" id="search-form" role="search" action="${content.frame.root}search.html" method="get" data-root="${content.frame.root}" hidden>
  <div class="search-field">
    <label for="search-q">搜索词</label>
    <input type="search" id="search-q" name="q" autocomplete="off" enterkeyhint="search" aria-describedby="search-hint">
  </div>
  <div class="search-field">
    <label for="search-year">年份</label>
    <select id="search-year" name="year" autocomplete="off">
      <option value="">全部年份</option>
<#list content.years as y>
      <option value="${y?c}">${y?c}年</option>
</#list>
    </select>
  </div>
  <button type="submit">搜索</button>
  <p class="search-hint" id="search-hint">输入一个或几个词，用空格分开<#if content.examples?has_content>，例如<#list content.examples as e>“${e}”<#if e?index + 2 == content.examples?size>或<#elseif e?has_next>、</#if></#list></#if>。</p>
</form>
<p class="search-status" id="search-status" role="status" aria-live="polite" aria-atomic="true" hidden></p>
<ol class="search-results" id="search-results" hidden></ol>
<button type="button" class="search-more" id="search-more" hidden>显示更多结果</button>
</@layout.page>
