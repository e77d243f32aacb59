<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame scripts=["js/tables.js"]>
<h1>${content.frame.title}</h1>
<#if content.count == 0>
<p>本站尚未录入指标数据。</p>
<#else>
<p>共${content.count?c}项指标。每项指标的数值均取自年度报告原文，并链接到载明该数值的段落。</p>
</#if>
<p class="downloads">下载全部年度数据：<a href="${content.csv}">全部指标（CSV）</a>　<a href="${content.json}">全部指标（JSON）</a></p>
<#-- One h2 per area, which also names its table (a caption would only repeat it). Its wrapper is a
     focusable region named as the table is, so the keyboard can scroll a wide table without
     JavaScript; js/tables.js makes it plain while the table fits. -->
<#list content.groups as g>
<h2 id="area-${g.areaId}">${g.area}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="area-${g.areaId}">
<table class="data-table" aria-labelledby="area-${g.areaId}">
  <thead>
    <tr><th scope="col">指标</th><th scope="col">单位</th><th scope="col">有数据的年份</th></tr>
  </thead>
  <tbody>
  <#list g.rows as r>
    <tr><th scope="row"><a href="${r.href}">${r.name}</a></th><td>${r.unit}</td><td>${r.years}</td></tr>
  </#list>
  </tbody>
</table>
</div>
</#list>
</@layout.page>
