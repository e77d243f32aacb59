<#ftl output_format="HTML">
<#-- The frame every page shares. Pages call <@layout.page>…</@layout.page>. -->
<#macro page title root crumbs=[] draft=false>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}<#if title != content.site.name> - ${content.site.name}</#if></title>
<link rel="stylesheet" href="${root}css/site.css">
<#if content.canonical?has_content><link rel="canonical" href="${content.canonical}"></#if>
<link rel="alternate" type="application/atom+xml" title="${content.site.name}" href="${root}feed.xml">
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
  <p class="site-name"><a href="${root}index.html">${content.site.name}</a></p>
</header>
<#if crumbs?has_content>
<nav class="breadcrumbs" aria-label="面包屑导航">
  <ol>
  <#list crumbs as c>
    <li><a href="${root}${c.path}">${c.title}</a></li>
  </#list>
    <li aria-current="page">${title}</li>
  </ol>
</nav>
</#if>
<main id="main">
<#if draft>
<p class="draft-banner" role="note"><strong>草稿预览</strong>：本页尚未发布，只在预览中显示。</p>
</#if>
<#nested>
</main>
<footer class="site-footer">
  <p>${content.site.name}</p>
  <p><a href="${root}sitemap.html">网站地图</a></p>
</footer>
</body>
</html>
</#macro>
