package cn.fazhi.portal.load;

import cn.fazhi.portal.problems.Problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The statutory calendar of 《法治政府建设与责任落实督察工作规定》(2019): each year's report is made
 * public before 1 April of the following year.
 *
 * <p>{@link #late} reads only the report's own {@code :date:}, so the site never depends on the
 * day it is built. {@link #missing} is the one use of the clock in the portal: a reminder in the
 * terminal of {@code check}, by the date in Asia/Shanghai, never in the site.
 */
public final class StatutoryCalendar {

    /** Where the reports are due: the dates of the rule are dates in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The last day a report may be made public, in the year after the one it reports on. */
    private static final MonthDay LAST_DAY = MonthDay.of(3, 31);

    private StatutoryCalendar() {
    }

    /** The last day on which the report of {@code year} is made public in time. */
    public static LocalDate due(int year) {
        return LAST_DAY.atYear(year + 1);
    }

    /** Whether the report states a publication date after its due date (逾期公开). */
    public static boolean late(Report report) {
        return report.published().map(d -> d.isAfter(due(report.year()))).orElse(false);
    }

    /**
     * The reminder that last year's report is missing, if it is: from 1 April (Asia/Shanghai) to
     * the end of the year, when the published reports hold the year before last but not last year.
     * A portal without the year before last (one that starts with this year's report, or an archive
     * of an earlier report, as the Panjin demonstration is) is not reminded: it is not kept year by
     * year, and a reminder every day forever would teach editors to ignore warnings.
     *
     * @param published the published reports
     * @param today the clock of the check (tests pass a fixed one)
     */
    public static Optional<Problem> missing(List<Report> published, Clock today) {
        LocalDate date = LocalDate.now(today.withZone(ZONE));
        int last = date.getYear() - 1;
        boolean has = published.stream().anyMatch(r -> r.year() == last);
        boolean kept = published.stream().anyMatch(r -> r.year() == last - 1);
        if (has || !kept || !date.isAfter(due(last))) {
            return Optional.empty();
        }
        return Optional.of(Problem.warningAt("content/" + last, 0, "today, " + date + ", there is no published report for "
                        + last + ": it was due before " + due(last).plusDays(1) + " (年度报告逾期未公开)",
                "《法治政府建设与责任落实督察工作规定》 asks for each year's report before 1 April of the next year;"
                        + " add content/" + last + "/ once the report is made public (see the editors' guide 编辑指南, 添加一个年度)."
                        + " This reminder depends on today's date, so check --strict does not fail on it"));
    }
}
