package cn.fazhi.portal.pages;

import java.util.List;

/**
 * What the layout shows on every page: the title, the links back up (面包屑), the draft banner,
 * the publication facts and the site's identity in the footer; and what the page says about itself
 * to machines in its {@code <head>}.
 *
 * @param title the page's own title: its h1, its breadcrumb, its name in the JSON-LD
 * @param documentTitle what {@code <title>} and the ArticleTitle meta tag say (the site's name is
 *                      added after it): the title, followed by its report's year when it belongs
 *                      to a report and does not name the year itself ({@code 二、存在问题 - 2023年报告}),
 *                      so that no two pages of a site of many years share one
 * @param root the way from this page to the site root: relative ({@code ../}), or the base path on the 404 page
 * @param canonical the page's absolute address, or empty where a page has none (404)
 * @param draft true for a page shown only in the preview
 * @param crumbs the pages above this one, from the home page down
 * @param meta the publication facts of a report or indicator page, or null on other pages
 * @param site the portal's own facts
 * @param description the page's meta description, made from its own text (never empty)
 * @param updated 更新日期: the date (China) of the last commit that changed the files the page is made
 *                from, ISO ({@code 2024-03-08}), or empty when neither git nor SOURCE_DATE_EPOCH gives
 *                one; never the build's clock. The JSON-LD's {@code dateModified} comes from it
 * @param updatedText the same date in Chinese, or empty
 * @param corrections the corrections (更正) of what this page shows, newest first
 * @param linkedData the page's JSON-LD (schema.org), ready to stand inside
 *                   {@code <script type="application/ld+json">}: no {@code <} in it can end the element
 * @param nav where the page stands in the main navigation, for {@code aria-current}
 */
public record Frame(String title, String documentTitle, String root, String canonical, boolean draft, List<Link> crumbs, Meta meta,
                    SiteIdentity site, String description, String updated, String updatedText,
                    List<Notice> corrections, String linkedData, NavPlace nav) {

    public Frame {
        crumbs = List.copyOf(crumbs);
        corrections = List.copyOf(corrections);
    }

    /** A frame under no entry of the main navigation ({@link #withNav} places it). */
    public Frame(String title, String documentTitle, String root, String canonical, boolean draft, List<Link> crumbs,
                 Meta meta, SiteIdentity site, String description, String updated, String updatedText,
                 List<Notice> corrections, String linkedData) {
        this(title, documentTitle, root, canonical, draft, crumbs, meta, site, description, updated, updatedText,
                corrections, linkedData, NavPlace.NONE);
    }

    /** The same frame with its JSON-LD. */
    public Frame withLinkedData(String json) {
        return new Frame(title, documentTitle, root, canonical, draft, crumbs, meta, site, description, updated,
                updatedText, corrections, json, nav);
    }

    /** The same frame, placed in the main navigation. */
    public Frame withNav(NavPlace place) {
        return new Frame(title, documentTitle, root, canonical, draft, crumbs, meta, site, description, updated,
                updatedText, corrections, linkedData, place);
    }
}
