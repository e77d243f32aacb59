<#ftl output_format="HTML">
<#-- The frame every page shares: identity, navigation, reader tools, footer with the legal IDs.
     Pages call <@layout.page frame=content.frame>…</@layout.page>. -->
<#macro value v><#if v?has_content>${v}<#else><span class="placeholder">待补充</span></#if></#macro>
<#-- 发布日期 and 来源, shown under the h1 of every report and indicator page. A date the
     official text does not state is said to be unstated, never guessed. -->
<#macro publication meta>
<dl class="publication">
  <@disclosure meta/>
</dl>
</#macro>
<#-- What the underlined numbers are, said once where the report's text starts (the year page, a
     section page) when it links figures: each linked number's own name (for screen readers) is in
     the link. Called on a line of its own; writes the line, or an empty one. -->
<#macro figureLinksNote show><#if show><p class="figure-links-note">正文中带下划线的数字是链接，指向该数字所属指标的页面，可查看指标定义和历年数值。</p></#if>
</#macro>
<#-- The 政府信息公开 facts: each only when the report's header gives it; 原文链接 leads to the official text. -->
<#macro disclosure meta>
  <#if meta.indexNumber?has_content><div><dt>索引号</dt><dd>${meta.indexNumber}</dd></div></#if>
  <#if meta.documentNumber?has_content><div><dt>发文字号</dt><dd>${meta.documentNumber}</dd></div></#if>
  <#if meta.written?has_content><div><dt>成文日期</dt><dd>${meta.written}</dd></div></#if>
  <div><dt>发布日期</dt><dd><#if meta.published?has_content>${meta.published}<#else>原文未载明</#if></dd></div>
  <div><dt>来源</dt><dd>${meta.source}</dd></div>
  <#if meta.sourceUrl?has_content><div><dt>原文链接</dt><dd><a href="${meta.sourceUrl}" rel="external">${meta.sourceUrl}</a></dd></div></#if>
</#macro>
<#-- One correction: its date, the old and the new wording, and the stated reason when there is one. -->
<#macro notice c><time datetime="${c.date}">${c.dateText}</time>更正：${c.text}<#if c.reason?has_content>（更正原因：${c.reason}）</#if></#macro>
<#-- An asset's address with its version (css/site.css?v=…, bake.Assets), so that no browser or
     cache pairs a page with an older script or style sheet; a path that names no asset as it is. -->
<#function asset path><#return assets[path]!path></#function>
<#-- aria-current on the main navigation's entry the page belongs to: see pages.NavPlace. -->
<#macro here entry><#if nav.entry == entry> aria-current="${nav.current}"</#if></#macro>
<#-- frame: the page's title, links up, draft flag, publication facts and site identity (pages.Frame). -->
<#macro page frame scripts=[]>
<#assign site = frame.site>
<#assign title = frame.title>
<#assign documentTitle = frame.documentTitle>
<#assign root = frame.root>
<#assign nav = frame.nav>
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<title>${documentTitle}<#if documentTitle != site.name> - ${site.name}</#if></title>
<meta name="description" content="${frame.description}">
<meta name="SiteName" content="${site.name}">
<#if site.siteIdCode?has_content><meta name="SiteIDCode" content="${site.siteIdCode}"></#if>
<#if frame.meta??>
<meta name="ColumnName" content="${frame.meta.column}">
<meta name="ArticleTitle" content="${documentTitle}">
<#if frame.meta.pubdate?has_content><meta name="PubDate" content="${frame.meta.pubdate}"></#if>
<meta name="ContentSource" content="${frame.meta.source}">
</#if>
<link rel="stylesheet" href="${root}${asset("css/site.css")}">
<link rel="icon" href="${root}${asset("favicon.ico")}" sizes="32x32">
<link rel="icon" href="${root}${asset("favicon.svg")}" type="image/svg+xml">
<#-- reader.js runs before the page is drawn (no defer): the chosen 字号 and 长者模式 apply from the
     first paint, and the space of the tools is kept, so nothing jumps when they appear. -->
<script src="${root}${asset("js/reader.js")}"></script>
<script src="${root}${asset("js/read-aloud.js")}" defer></script>
<#list scripts as s><script src="${root}${asset(s)}" defer></script>
</#list>
<#if frame.canonical?has_content><link rel="canonical" href="${frame.canonical}"></#if>
<#if site.feed><link rel="alternate" type="application/atom+xml" title="${site.name}" href="${root}feed.xml"></#if>
<#-- Data for machines (schema.org), never run: pages.Frame#linkedData, escaped so it cannot end the element. -->
<script type="application/ld+json">${frame.linkedData?no_esc}</script>
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
  <div class="wrap header-inner">
    <p class="site-name"><a href="${root}index.html">${site.name}</a></p>
    <#-- 菜单: in a window small both ways (400 % zoom) it folds the navigation and the reader tools
         away, so the header is one row. It works only with JavaScript: hidden until js/reader.js
         shows it; without JavaScript the navigation stays as it is. -->
    <button type="button" class="menu-toggle" aria-expanded="false" aria-controls="site-nav reader-tools" hidden>菜单</button>
    <nav class="site-nav" id="site-nav" aria-label="主导航">
      <ul>
        <li><a href="${root}index.html"<@here "home"/>>首页</a></li>
        <li><a href="${root}indicators/index.html"<@here "indicators"/>>指标数据</a></li>
        <li><a href="${root}search.html"<@here "search"/>>搜索</a></li>
        <li><a href="${root}accessibility.html"<@here "accessibility"/>>无障碍声明</a></li>
      </ul>
    </nav>
  </div>
  <#-- Reader tools: they work only with JavaScript, so they stay hidden without it (js/reader.js
       shows them). 字号 is one choice of three: radio buttons, named once (the visible 字号 is the
       group's name, not read again as text). 语音朗读 appears only where the browser can speak
       Chinese (js/read-aloud.js). -->
  <div class="wrap reader-tools" id="reader-tools" hidden>
    <fieldset class="font-sizes" aria-label="字号">
      <legend aria-hidden="true">字号</legend>
      <label><input type="radio" name="font-size" value="normal" checked>标准</label>
      <label><input type="radio" name="font-size" value="large">大</label>
      <label><input type="radio" name="font-size" value="larger">特大</label>
    </fieldset>
    <button type="button" data-elder aria-pressed="false">长者模式</button>
    <div class="read-aloud" id="read-aloud" role="group" aria-label="语音朗读" hidden>
      <button type="button" data-read="start">朗读全文</button>
      <button type="button" data-read="pause" hidden>暂停</button>
      <button type="button" data-read="stop" hidden>停止</button>
      <span class="read-aloud-status" id="read-aloud-status" role="status"></span>
    </div>
  </div>
</header>
<#if frame.crumbs?has_content>
<nav class="breadcrumbs wrap" aria-label="面包屑导航">
  <ol>
  <#list frame.crumbs as c>
    <li><a href="${c.href}">${c.title}</a></li>
  </#list>
    <li aria-current="page">${title}</li>
  </ol>
</nav>
</#if>
<main id="main" class="wrap" tabindex="-1">
<#if frame.draft>
<p class="draft-banner" role="note"><strong>草稿预览</strong>：本页尚未发布，只在预览中显示。</p>
</#if>
<#nested>
<#if frame.corrections?has_content>
<aside class="corrections" aria-label="更正说明">
  <p><strong>更正说明</strong></p>
  <ul>
  <#list frame.corrections as c>
    <li><@notice c/> <a href="${c.href}">更正记录</a></li>
  </#list>
  </ul>
</aside>
</#if>
<#-- 更新日期: the last commit that changed what this page is made from (pages.Frame), never the clock. -->
<#if frame.updated?has_content><p class="page-updated">更新日期：<time datetime="${frame.updated}">${frame.updatedText}</time></p></#if>
</main>
<footer class="site-footer">
  <div class="wrap">
    <ul class="footer-links">
      <li><a href="${root}accessibility.html">无障碍声明</a></li>
      <li><a href="${root}indicators/index.html">指标数据与下载</a></li>
      <li><a href="${root}corrections.html">更正记录</a></li>
      <li><a href="${root}sitemap.html">网站地图</a></li>
    </ul>
    <dl class="site-ids">
      <div><dt>主办单位</dt><dd><@value site.owner/></dd></div>
      <div><dt>联系方式</dt><dd><@value site.contact/></dd></div>
      <div><dt>网站标识码</dt><dd><@value site.siteIdCode/></dd></div>
      <div><dt>ICP备案号</dt><dd><#if site.icpNumber?has_content><a href="https://beian.miit.gov.cn/">${site.icpNumber}</a><#else><@value ""/></#if></dd></div>
      <div><dt>公安机关备案号</dt><dd><@value site.policeNumber/></dd></div>
    </dl>
  </div>
</footer>
</body>
</html>
</#macro>
