<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame scripts=["js/tables.js"]>
<article class="indicator">
<h1>${content.frame.title}</h1>
<#if content.frame.meta??><@layout.publication meta=content.frame.meta/></#if>
<dl class="indicator-meta">
  <dt>定义</dt><dd>${content.definition}</dd>
  <dt>单位</dt><dd>${content.unit}</dd>
  <dt>所属领域</dt><dd>${content.area}</dd>
</dl>
<h2 id="values-heading">历年数值</h2>
<figure class="chart-figure">
  <figcaption>${content.summary}</figcaption>
  ${content.chart?no_esc}
</figure>
<#-- A focusable region named by the caption, so the keyboard can scroll a wide table without
     JavaScript; js/tables.js makes it plain while the table fits. -->
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="values-caption">
<table class="data-table">
  <caption id="values-caption">${content.frame.title}（单位：${content.unit}）<span class="caption-source">来源：各年度法治政府建设情况报告</span></caption>
  <thead>
    <tr><th scope="col">年份</th><th scope="col" class="num">数值</th><#if content.hasChange><th scope="col" class="num">较上年变化</th></#if></tr>
  </thead>
  <tbody>
  <#list content.values as r>
    <tr><th scope="row">${r.year?c}年</th><td class="num"><data value="${r.quantity}">${r.withUnit}</data></td><#if content.hasChange><td class="num">${r.change}</td></#if></tr>
  </#list>
  </tbody>
</table>
</div>
<#if content.values?size gt 1><p class="note">“较上年变化”由相邻两年的数值计算得出；报告数值带“余”“近”字样时，变化前标“约”。</p></#if>
<h2 id="citations-heading">报告原文</h2>
<#if content.quotes?has_content>
<p class="note">引文中加粗标出的是本指标的数值。</p>
<ul class="citations">
<#list content.quotes as c>
  <li><blockquote><p><#list c.parts as t><#if t.marked><mark class="figure-mark">${t.text}</mark><#else>${t.text}</#if></#list></p></blockquote>
    <p class="citation-source">${c.year?c}年报告 · <a href="${c.href}">${c.sectionTitle}</a></p></li>
</#list>
</ul>
<#else>
<p>报告正文中没有引用本指标。</p>
</#if>
<p class="downloads">下载：<a href="${content.csv}">全部指标数据（CSV）</a>　<a href="${content.json}">全部指标数据（JSON）</a></p>
</article>
</@layout.page>
