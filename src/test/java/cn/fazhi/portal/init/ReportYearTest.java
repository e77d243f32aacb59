package cn.fazhi.portal.init;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report on year N comes out in N+1: the default is last year, in China's time zone. */
class ReportYearTest {

    private static int at(String instant) {
        return ReportYear.previous(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void theDefaultIsLastYearInChinaWhateverTheMachinesZone() {
        assertEquals(2024, at("2025-06-01T00:00:00Z"));
        // 1 January 2025, 00:30 in Beijing, is still 31 December 2024 in UTC.
        assertEquals(2024, at("2024-12-31T16:30:00Z"));
        // 31 December 2024, 23:59 in Beijing.
        assertEquals(2023, at("2024-12-31T15:59:00Z"));
    }

    @Test
    void aYearMustNameAFourDigitFolder() {
        assertTrue(ReportYear.valid(2024));
        assertTrue(ReportYear.valid(1000));
        assertTrue(ReportYear.valid(9999));
        assertFalse(ReportYear.valid(999));
        assertFalse(ReportYear.valid(10000));
        assertFalse(ReportYear.valid(-2024));
    }
}
