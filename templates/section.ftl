<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title root=content.rootpath crumbs=content.crumbs draft=content.draft>
<article class="report-section-page">
<p class="report-context">${content.year?c}年 · <a href="${content.rootpath}${content.report_path}">${content.report_title}</a></p>
<h1>${content.title}</h1>
<@layout.publication/>
${content.html?no_esc}
<#if content.children?has_content>
<nav aria-labelledby="children-heading">
  <h2 id="children-heading">本部分各节</h2>
  <ol class="children">
  <#list content.children as c>
    <li><a href="${content.rootpath}${c.path}">${c.title}</a></li>
  </#list>
  </ol>
</nav>
</#if>
</article>
<nav class="pager" aria-label="上一节和下一节">
  <ul>
  <#if content.prev_page.path??><li class="prev"><a href="${content.rootpath}${content.prev_page.path}" rel="prev">上一节：${content.prev_page.title}</a></li></#if>
  <#if content.next_page.path??><li class="next"><a href="${content.rootpath}${content.next_page.path}" rel="next">下一节：${content.next_page.title}</a></li></#if>
  </ul>
</nav>
</@layout.page>
