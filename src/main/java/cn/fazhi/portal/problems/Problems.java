package cn.fazhi.portal.problems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects problems across a stage so an editor sees every mistake in one run, not only the first.
 * Stages add to it and call {@link #throwIfAny()} at the point where going on would be pointless.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem problem) {
        list.add(problem);
    }

    public void add(String file, int line, String message, String hint) {
        add(new Problem(file, line, message, hint));
    }

    public void addAll(Collection<Problem> problems) {
        list.addAll(problems);
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> sorted() {
        return list.stream().distinct().sorted(Problem.BY_FILE_AND_LINE).toList();
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ProblemsException(sorted());
        }
    }
}
