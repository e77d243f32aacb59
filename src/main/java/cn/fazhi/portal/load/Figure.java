package cn.fazhi.portal.load;

import java.math.BigDecimal;

/**
 * One value of one indicator in one year, as stated by that year's report.
 *
 * @param indicator the indicator's id
 * @param year the reporting year
 * @param value the number as printed (3819 for 3819万余元)
 * @param wording how the report prints it
 * @param section the slug of the section whose text states it
 */
public record Figure(String indicator, int year, BigDecimal value, Wording wording, String section) {

    /** As printed in the report, e.g. {@code 3819万余}. */
    public String printed() {
        return wording.print(value);
    }

    /** As printed, followed by the unit unless the wording already carries it ({@code 97.26%}). */
    public String printedWithUnit(String unit) {
        return printed() + unitAfter(unit);
    }

    /**
     * The unit to show after the printed figure: none when the wording already carries it, so a
     * table's unit column never repeats it ({@code 97.26%} then {@code %}).
     */
    public String unitAfter(String unit) {
        return wording.percent() && unit.equals("%") ? "" : unit;
    }

    /** The exact machine-readable quantity, e.g. {@code 38190000}. */
    public BigDecimal quantity() {
        return wording.quantity(value);
    }
}
