package cn.fazhi.portal.problems;

import java.util.List;

/** Thrown when the sources have problems an editor must fix; carries all of them. */
public final class ProblemsException extends RuntimeException {
    private final transient List<Problem> problems;

    public ProblemsException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the sources");
        this.problems = List.copyOf(problems);
    }

    public ProblemsException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
