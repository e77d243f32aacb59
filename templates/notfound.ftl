<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- 404.html: a web server answers every missing address with this page, at any depth, so every
     link here starts with the site's base path (e.g. /fzzf/) instead of being relative.
     See README, "Publishing". -->
<@layout.page frame=content.frame>
<h1>${content.frame.title}</h1>
<p>您要访问的页面不存在，可能已被移动或删除。请检查网址，或从下列页面继续浏览：</p>
<ul>
  <li><a href="${content.home}">网站首页</a></li>
<#list content.reports as r>
  <li><a href="${r.href}">${r.title}</a></li>
</#list>
  <li><a href="${content.siteMap}">网站地图</a></li>
</ul>
</@layout.page>
