<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- 网站地图: every page of the site, by group. The model is pages.SiteMapPage, its tree from navigation. -->
<#macro tree items>
<ul>
<#list items as i>
  <li><a href="${i.link.href}">${i.link.title}</a><#if i.link.draft>（草稿）</#if><#if i.children?has_content><@tree i.children/></#if></li>
</#list>
</ul>
</#macro>
<@layout.page frame=content.frame>
<h1>${content.frame.title}</h1>
<p>本站全部页面，按栏目排列。</p>
<div class="site-map">
<#list content.groups as g>
<section aria-labelledby="map-${g?index}">
  <h2 id="map-${g?index}">${g.title}</h2>
  <@tree g.items/>
</section>
</#list>
</div>
</@layout.page>
