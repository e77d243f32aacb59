<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame scripts=content.tables?then(["js/tables.js"], [])>
<article class="report-section-page">
<p class="report-context">${content.year?c}年 · <a href="${content.report.href}">${content.report.title}</a></p>
<h1>${content.frame.title}</h1>
<@layout.publication meta=content.frame.meta/>
<@layout.figureLinksNote show=content.figureLinks/>
${content.html?no_esc}
<#if content.children?has_content>
<nav aria-labelledby="children-heading">
  <h2 id="children-heading">本部分各节</h2>
  <ol class="children">
  <#list content.children as c>
    <li><a href="${c.href}">${c.title}</a></li>
  </#list>
  </ol>
</nav>
</#if>
</article>
<nav class="pager" aria-label="上一节和下一节">
  <ul>
  <#if content.previous??><li class="prev"><a href="${content.previous.href}" rel="prev">上一节：${content.previous.title}</a></li></#if>
  <#if content.next??><li class="next"><a href="${content.next.href}" rel="next">下一节：${content.next.title}</a></li></#if>
  </ul>
</nav>
</@layout.page>
