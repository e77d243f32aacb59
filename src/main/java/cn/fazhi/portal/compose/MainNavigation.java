package cn.fazhi.portal.compose;

import cn.fazhi.portal.pages.Address;
import cn.fazhi.portal.pages.Addresses;
import cn.fazhi.portal.pages.NavPlace;

/**
 * The main navigation's entries (layout.ftl: 首页, 指标数据, 搜索, 无障碍声明) and which of them a page
 * belongs to, so the layout marks it with {@code aria-current} without working it out itself.
 */
final class MainNavigation {

    private MainNavigation() {
    }

    /** Where {@code page} stands in the main navigation. */
    static NavPlace place(Address page) {
        Addresses site = page.site();
        String path = page.path();
        if (path.equals(site.home().path())) {
            return NavPlace.page("home");
        }
        if (path.equals(site.indicators().path())) {
            return NavPlace.page("indicators");
        }
        if (path.equals(site.search().path())) {
            return NavPlace.page("search");
        }
        if (path.equals(site.about("accessibility").path())) {
            return NavPlace.page("accessibility");
        }
        // An indicator's page: in 指标数据, whose index lists them all (the same folder).
        if (path.startsWith(folder(site.indicators().path()))) {
            return NavPlace.within("indicators");
        }
        return NavPlace.NONE;
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
