package cn.fazhi.portal.pages;

/**
 * The portal's own facts, shown on every page (header, title, footer); an empty value is shown as 待补充.
 *
 * @param name the portal's name
 * @param owner 主办单位
 * @param contact 联系方式
 * @param siteIdCode 网站标识码
 * @param icpNumber ICP备案号
 * @param policeNumber 公安机关备案号
 * @param feed whether the site has feed.xml (it has none when no report can be dated, see map.Feed)
 */
public record SiteIdentity(String name, String owner, String contact, String siteIdCode, String icpNumber,
                           String policeNumber, boolean feed) {
}
