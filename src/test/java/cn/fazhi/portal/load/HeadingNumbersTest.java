package cn.fazhi.portal.load;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Heading numbers as the reports write them, 一 to 九十九. */
class HeadingNumbersTest {

    @Test
    void readsTheNumbersOfHeadings() {
        String[] written = {"一", "九", "十", "十一", "十九", "二十", "二十一", "九十九"};
        int[] values = {1, 9, 10, 11, 19, 20, 21, 99};
        for (int i = 0; i < written.length; i++) {
            assertEquals(Optional.of(values[i]), HeadingNumbers.value(written[i]), written[i]);
        }
        for (String notANumber : new String[] {"二二", "十十", "十二三", "一二十"}) {
            assertEquals(Optional.empty(), HeadingNumbers.value(notANumber), notANumber);
        }
    }
}
