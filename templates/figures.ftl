<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame>
<h1>${content.frame.title}</h1>
<@layout.publication meta=content.frame.meta/>
<p>以下数据均摘自<a href="${content.report.href}">${content.report.title}</a>，按报告的工作领域分组。“出处”链接到报告中载明该数据的段落。</p>
<p class="downloads">下载本年全部数据：<a href="${content.csv}">${content.year?c}年数据（CSV）</a>　<a href="${content.json}">${content.year?c}年数据（JSON）</a></p>
<#list content.groups as g>
<div class="table-scroll" role="region" aria-labelledby="cap-${g.areaId}" tabindex="0">
<table class="data-table">
  <caption id="cap-${g.areaId}">${g.area}<span class="caption-source">${content.year?c}年，来源：${content.report.title}</span></caption>
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
