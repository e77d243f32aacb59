package cn.fazhi.portal.pages;

import java.util.List;

/**
 * 更正记录: every correction of the published reports, newest first, each linking to the page that shows it.
 *
 * @param corrections the corrections, newest first; empty when there are none
 */
public record CorrectionsPage(Frame frame, List<Notice> corrections) implements PageModel {

    public CorrectionsPage {
        corrections = List.copyOf(corrections);
    }
}
