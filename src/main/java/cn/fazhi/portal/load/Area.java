package cn.fazhi.portal.load;

/**
 * A field of work the reports are organised by (e.g. 健全行政执法工作体系), grouping indicators.
 *
 * @param id stable ASCII id
 * @param name the area's name as the report words it
 */
public record Area(String id, String name) {
}
