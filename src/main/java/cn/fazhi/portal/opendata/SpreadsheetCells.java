package cn.fazhi.portal.opendata;

import java.util.regex.Pattern;

/**
 * CSV cells a spreadsheet would run as a formula, made inert as OWASP's guidance on CSV injection
 * says: a cell starting with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR gets a leading
 * single quote, which Excel and LibreOffice take as "this is text" and do not show. A citizen who
 * opens the download is otherwise one click from an editor's {@code =HYPERLINK(…)}, or worse.
 *
 * <p>Only text columns are passed here: the value column is written as the exact number. A plain
 * number in a text column ({@code -5}, {@code +3.2%}) is no formula and is left alone, so the
 * report's printed figure of a decrease still reads as a number.
 */
final class SpreadsheetCells {

    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(?:\\.[0-9]+)?%?");

    private SpreadsheetCells() {
    }

    static String neutralise(String cell) {
        if (cell.isEmpty() || FORMULA_START.indexOf(cell.charAt(0)) < 0 || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }
}
