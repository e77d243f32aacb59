<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- 更正记录: every correction of the published reports, newest first (pages.CorrectionsPage), read
     from the source's git history; each links to the page that shows the corrected text. -->
<@layout.page frame=content.frame>
<h1>${content.frame.title}</h1>
<p>报告发布后对已发布数据和文字的更正，按时间从新到旧排列。发布前的修改属于起草，不在此列。</p>
<#if content.corrections?has_content>
<ol class="correction-list">
<#list content.corrections as c>
  <li id="${c.id}"><@layout.notice c/> <a href="${c.href}">查看所在页面</a></li>
</#list>
</ol>
<#else>
<p>暂无更正。</p>
</#if>
</@layout.page>
