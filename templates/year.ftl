<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame scripts=content.tables?then(["js/tables.js"], [])>
<article class="report">
<h1>${content.frame.title}</h1>
<dl class="report-meta">
  <div><dt>发布机关</dt><dd>${content.issuers?join("、")}</dd></div>
  <div><dt>年度</dt><dd>${content.year?c}年</dd></div>
  <@layout.disclosure content.frame.meta/>
  <#if content.late?has_content><div><dt>公开期限</dt><dd>${content.late}</dd></div></#if>
</dl>
<#if content.figures??><p class="figures-link"><a href="${content.figures}">查看${content.year?c}年报告中的全部数据（表格与下载）</a></p></#if>
<@layout.figureLinksNote show=content.figureLinks/>
<nav class="toc" aria-labelledby="toc-heading">
  <h2 id="toc-heading">目录</h2>
  <#-- The titles carry the report's own numbering (一、 (一)), so the list adds none. -->
  <ul>
  <#list content.sections as s>
    <li class="toc-level-${s.level}"><a href="#${s.slug}">${s.title}</a><#if s.draft>（草稿）</#if></li>
  </#list>
  </ul>
</nav>
<div class="preamble">
${content.preamble?no_esc}
</div>
<#list content.sections as s>
<section id="${s.slug}" class="report-section level-${s.level}">
  <#if s.level == 1><h2>${s.title}</h2><#else><h3>${s.title}</h3></#if>
  ${s.html?no_esc}
  <p class="section-link"><a href="${s.href}">单独查看本节：${s.title}</a></p>
</section>
</#list>
</article>
</@layout.page>
