package cn.fazhi.portal.pages;

import java.util.List;

/** 网站地图: every page of the site, by group. */
public record SiteMapPage(Frame frame, List<Group> groups) implements PageModel {

    /** A group of the site map, e.g. one year's report. */
    public record Group(String title, List<Node> items) {
    }

    /** A page in the tree, with the pages below it. */
    public record Node(Link link, List<Node> children) {
    }
}
