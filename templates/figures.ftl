<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame scripts=["js/tables.js"]>
<h1>${content.frame.title}</h1>
<@layout.publication meta=content.frame.meta/>
<p>以下数据均摘自<a href="${content.report.href}">${content.report.title}</a>，按报告的工作领域分组。“出处”链接到报告中载明该数据的段落。</p>
<p class="downloads">下载本年全部数据：<a href="${content.csv}">${content.year?c}年数据（CSV）</a>　<a href="${content.json}">${content.year?c}年数据（JSON）</a></p>
<#-- One h2 per area, so the groups are in the headings list; the caption says only the year and
     source, and the table is named by both, so a screen reader's list of tables tells the areas
     apart. Its wrapper is a focusable region named as the table is, so the keyboard can scroll a
     wide table without JavaScript; js/tables.js makes it plain while the table fits. -->
<#list content.groups as g>
<h2 id="area-${g.areaId}">${g.area}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="area-${g.areaId} cap-${g.areaId}">
<table class="data-table" aria-labelledby="area-${g.areaId} cap-${g.areaId}">
  <caption id="cap-${g.areaId}"><span class="caption-source">${content.year?c}年，来源：${content.report.title}</span></caption>
  <thead>
    <tr><th scope="col">指标</th><th scope="col" class="num">数值</th><th scope="col">单位</th><th scope="col">出处</th></tr>
  </thead>
  <tbody>
  <#list g.rows as r>
    <tr>
      <th scope="row"><a href="${r.href}">${r.name}</a></th>
      <td class="num"><data value="${r.quantity}">${r.printed}</data></td>
      <td>${r.unit}</td>
      <td><#if r.source??><a href="${r.source}">报告原文<span class="visually-hidden">：${r.name}</span></a></#if></td>
    </tr>
  </#list>
  </tbody>
</table>
</div>
</#list>
</@layout.page>
