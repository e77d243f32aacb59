<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=content.title root=content.rootpath crumbs=content.crumbs draft=content.draft>
<article class="info-page">
<h1>${content.title}</h1>
${content.html?no_esc}
</article>
</@layout.page>
