package cn.fazhi.portal.load;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordingTest {

    private static void check(String pattern, String value, String printed, String quantity, String qualifier) {
        Wording w = Wording.parse(pattern).orElseThrow();
        assertEquals(printed, w.print(new BigDecimal(value)));
        assertEquals(quantity, w.quantity(new BigDecimal(value)).toPlainString());
        assertEquals(qualifier, w.qualifier());
    }

    @Test
    void printsTheReportsWordingAndComputesTheExactQuantity() {
        check("N", "84484", "84484", "84484", "");
        check("N%", "97.26", "97.26%", "0.9726", "");
        check("N%", "100", "100%", "1", "");
        check("N万余", "3819", "3819万余", "38190000", "余");
        check("N余万", "1700", "1700余万", "17000000", "余");
        check("近N万余", "2.2", "近2.2万余", "22000", "近…余");
        check("N万", "9.5", "9.5万", "95000", "");
        check("N余", "160", "160余", "160", "余");
        check("N", "6.6", "6.6", "6.6", "");
    }

    @Test
    void refusesUnknownWordings() {
        for (String bad : new String[] {"", "n", "NN", "约N", "N千", "N%%", "N元", "余N"}) {
            assertTrue(Wording.parse(bad).isEmpty(), bad);
        }
    }
}
