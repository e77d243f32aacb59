package cn.fazhi.portal.init;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The year of the first report a new portal is set up for. A report on the work of year N is
 * published in year N+1, so by default it is the previous calendar year, counted in China's time
 * zone (where the reports are written), not the machine's: on 1 January at 07:00 in Beijing a
 * machine on UTC still says 31 December.
 */
public final class ReportYear {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A report folder is named by a four-digit year (content/2024/). */
    public static final int FIRST = 1000;
    public static final int LAST = 9999;

    private ReportYear() {
    }

    /** The previous calendar year in China at the time {@code clock} tells. */
    public static int previous(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA)).getYear() - 1;
    }

    /** Whether {@code year} can name a report folder. */
    public static boolean valid(int year) {
        return year >= FIRST && year <= LAST;
    }
}
