<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title root=content.rootpath crumbs=content.crumbs draft=content.draft>
<h1>${content.title}</h1>
<@layout.publication/>
<p>以下数据均摘自<a href="${content.rootpath}${content.report_path}">${content.report_title}</a>，按报告的工作领域分组。“出处”链接到报告中载明该数据的段落。</p>
<p class="downloads">下载本年全部数据：<a href="${content.rootpath}${content.csv}">${content.year?c}年数据（CSV）</a>　<a href="${content.rootpath}${content.json}">${content.year?c}年数据（JSON）</a></p>
<#list content.groups as g>
<div class="table-scroll" role="region" aria-labelledby="cap-${g.area_id}" tabindex="0">
<table class="data-table">
  <caption id="cap-${g.area_id}">${g.area}<span class="caption-source">${content.year?c}年，来源：${content.report_title}</span></caption>
  <thead>
    <tr><th scope="col">指标</th><th scope="col" class="num">数值</th><th scope="col">单位</th><th scope="col">出处</th></tr>
  </thead>
  <tbody>
  <#list g.rows as r>
    <tr>
      <th scope="row"><a href="${content.rootpath}${r.path}">${r.name}</a></th>
      <td class="num"><data value="${r.quantity}">${r.printed}</data></td>
      <td>${r.unit}</td>
      <td><#if r.source_path??><a href="${content.rootpath}${r.source_path}">报告原文<span class="visually-hidden">：${r.name}</span></a></#if></td>
    </tr>
  </#list>
  </tbody>
</table>
</div>
</#list>
</@layout.page>
