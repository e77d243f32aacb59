<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame>
<h1>${content.frame.title}</h1>
<#if content.reports?has_content>
<#assign latest = content.reports[0]>
<section aria-labelledby="latest-heading">
  <h2 id="latest-heading">最新报告</h2>
  <p class="lead"><a href="${latest.href}">${latest.title}</a></p>
  <p>发布机关：${latest.issuers?join("、")}</p>
</section>
<section aria-labelledby="years-heading">
  <h2 id="years-heading">历年报告</h2>
  <ul class="year-list">
  <#list content.reports as r>
    <li><a href="${r.href}">${r.year?c}年：${r.title}</a><#if r.draft>（草稿）</#if></li>
  </#list>
  </ul>
</section>
<#if content.indicators??>
<section aria-labelledby="data-heading">
  <h2 id="data-heading">指标数据</h2>
  <p><a href="${content.indicators}">按指标浏览历年数据，下载 CSV 和 JSON</a></p>
</section>
</#if>
<#else>
<p>本站尚未发布年度报告。</p>
</#if>
</@layout.page>
