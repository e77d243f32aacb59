<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page frame=content.frame scripts=content.tables?then(["js/tables.js"], [])>
<article class="info-page">
<h1>${content.frame.title}</h1>
${content.html?no_esc}
</article>
</@layout.page>
